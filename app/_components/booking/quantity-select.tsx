import { SelectField } from "@/app/_components/ui/field";

/** Seats 1..max: max is min(10, the per-user cap minus the seats already held, and for booking the seats left). */
export function QuantitySelect({ max, value, onChange, error }: { max: number; value: number; onChange: (n: number) => void; error?: string }) {
  return (
    <SelectField label="Seats" name="quantity" value={value} onChange={(e) => onChange(Number(e.target.value))} error={error}>
      {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </SelectField>
  );
}
