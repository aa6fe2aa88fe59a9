// Account: what a person does with their whole account across domains (delete it, export it).
// It sits above the domains, like notifications, and reads them only through their index.ts.
export { deleteAccount, deleteAccountInput } from "./delete-account";
export { exportAccountData } from "./export-account-data";
