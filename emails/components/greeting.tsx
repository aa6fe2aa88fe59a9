import { Paragraph } from "./paragraph";

export function Greeting({ name }: { name?: string }) {
  return <Paragraph>{name ? `Hi ${name},` : "Hi,"}</Paragraph>;
}
