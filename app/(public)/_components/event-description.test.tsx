import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EventDescription } from "./event-description";

const render = (markdown: string) => renderToStaticMarkup(<EventDescription markdown={markdown} />);

describe("EventDescription", () => {
  it("renders Markdown: emphasis, lists, headings below the page title, and links marked nofollow ugc noopener", () => {
    const html = render("# Line-up\n\n**Fado** at *nine*\n\n- Ana Moura\n- Carminho\n\n[Tickets](https://example.com/t) and [map](/map)");
    expect(html).toContain("<h2");
    expect(html).not.toContain("<h1");
    expect(html).toContain("<strong>Fado</strong>");
    expect(html).toContain("<em>nine</em>");
    expect(html).toMatch(/<li>Ana Moura<\/li>/);
    expect(html).toMatch(/<a href="https:\/\/example.com\/t" rel="nofollow ugc noopener"/);
    expect(html).toMatch(/<a href="\/map" rel="nofollow ugc noopener"/);
  });

  it("never lets a script, an event handler or a javascript: link reach the page", () => {
    const hostile = [
      "<script>alert(1)</script>",
      '<img src="x" onerror="alert(2)">',
      "[click](javascript:alert(3))",
      "[click](JaVaScRiPt:alert(4))",
      "![pic](javascript:alert(5))",
      '<a href="javascript:alert(6)">raw</a>',
      "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==)",
      '<iframe src="https://evil.example"></iframe>',
      '<div style="background:url(javascript:alert(8))" onclick="alert(9)">x</div>',
    ].join("\n\n");
    const html = render(hostile).toLowerCase();
    expect(html).not.toContain("<script");
    expect(html).not.toMatch(/\son\w+=/);
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("data:text/html");
    expect(html).not.toContain("<iframe");
    expect(html).not.toContain("style=");
    // The visible words survive; only the dangerous parts are gone.
    expect(html).toContain("click");
  });
});
