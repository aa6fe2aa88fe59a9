"use client";

import { Button } from "@/app/_components/ui/button";

/** Opens the browser's print dialog (save as PDF there); hidden on the printout itself. */
export function PrintButton() {
  return (
    <Button type="button" variant="secondary" className="print:hidden" onClick={() => window.print()}>
      Print or save as PDF
    </Button>
  );
}
