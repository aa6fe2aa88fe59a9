import { SelectField } from "@/app/_components/ui/field";
import { TOKEN_LIFETIMES } from "./token-lifetimes";

type FieldErrors = Partial<Record<string, string>>;

/**
 * What a new API token may do and how long it works: the same choices for a personal token
 * (account page) and an organization's (organization page), so the two never drift apart.
 */
export function TokenPermissionFields({ scopes, errors, values }: { scopes: { value: string; label: string }[]; errors?: FieldErrors; values?: Record<string, string> }) {
  return (
    <>
      <fieldset className="space-y-2" aria-describedby={errors?.scopes ? "token-scopes-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">What it may do</legend>
        {errors?.scopes ? (
          <p id="token-scopes-error" role="alert" className="text-xs text-red-600">
            {errors.scopes}
          </p>
        ) : null}
        {scopes.map((scope) => (
          <label key={scope.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={`scope:${scope.value}`} defaultChecked={values?.[`scope:${scope.value}`] === "on"} className="h-4 w-4" />
            {scope.label}
          </label>
        ))}
      </fieldset>
      <SelectField label="Works for" name="lifetime" defaultValue={values?.lifetime ?? "90"} error={errors?.lifetime ?? errors?.expiresAt}>
        {Object.entries(TOKEN_LIFETIMES).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
    </>
  );
}
