import { ImageResponse } from "next/og";

export const size = { width: 180, height: 180 };
export const contentType = "image/png";

/** The home-screen icon: the brand square with its E, drawn once at build time. */
export default function AppleIcon() {
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", alignItems: "center", justifyContent: "center", background: "#3b55d9", color: "#fff", fontSize: 120, fontWeight: 700 }}>
        E
      </div>
    ),
    size,
  );
}
