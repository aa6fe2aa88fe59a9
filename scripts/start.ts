import { runApp } from "./app-process";

// `--standalone`: the container image, which runs the standalone output's server.js.
void runApp(process.argv.includes("--standalone") ? "standalone" : "start");
