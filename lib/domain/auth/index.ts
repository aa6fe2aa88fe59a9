export { authenticateAccessToken } from "./authenticate-access-token";
