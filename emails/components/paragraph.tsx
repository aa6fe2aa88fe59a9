import type { ReactNode } from "react";
import { Text } from "@react-email/components";
import { colors, paragraph } from "./theme";

export function Paragraph({ children, muted = false }: { children: ReactNode; muted?: boolean }) {
  return <Text style={muted ? { ...paragraph, color: colors.muted, fontSize: "14px" } : paragraph}>{children}</Text>;
}
