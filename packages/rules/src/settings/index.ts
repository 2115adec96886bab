export { buildEngineSettings, type BuildEngineSettingsInput, type BuiltEngineSettings, type PolicySettings } from "./build-settings";
