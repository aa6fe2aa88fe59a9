import type { MetadataRoute } from "next";

/** Lets a phone add Evently to its home screen with our name, colour and icons. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Evently",
    short_name: "Evently",
    description: "Find events and book seats that are really yours.",
    start_url: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#3b55d9",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/apple-icon", sizes: "180x180", type: "image/png" },
    ],
  };
}
