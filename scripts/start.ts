import { runApp } from "./app-process";

void runApp("start");
