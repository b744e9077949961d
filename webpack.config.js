/* Builds the task pane and the ribbon commands into dist/addin. `npm run build:addin` is the
 * production build the browser test loads; `npm start` serves the same pages over https for Excel.
 * `IEWSC_ADDIN_URL=https://… npm run build:addin` writes dist/addin/manifest.xml for that address. */
const path = require("node:path");
const fs = require("node:fs");
const os = require("node:os");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { productionManifest } = require("./addin/deploy/manifest.cjs");

/** Dev certificates from `npx office-addin-dev-certs install`, when they are there. */
function devCerts() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return undefined;
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

module.exports = (env, argv) => {
  const production = argv.mode !== "development";
  const address = process.env.IEWSC_ADDIN_URL;
  // Office loads add-ins over https only: a dev server on plain http would just show a blank pane.
  if (env.WEBPACK_SERVE && !devCerts()) {
    console.error(
      "No development certificate for https://localhost:3000: run `npx office-addin-dev-certs install` once, then `npm run dev-server` again.",
    );
    process.exit(2);
  }
  return {
    devtool: production ? "source-map" : "eval-source-map",
    entry: {
      taskpane: "./addin/taskpane/taskpane.ts",
      commands: "./addin/commands/commands.ts",
    },
    output: { path: path.resolve(__dirname, "dist/addin"), filename: "[name].[contenthash:8].js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: "ts-loader",
          options: {
            configFile: path.resolve(__dirname, "addin/tsconfig.json"),
            onlyCompileBundledFiles: true,
            compilerOptions: { noEmit: false, module: "es2020", sourceMap: true },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./addin/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./addin/commands/commands.html",
        chunks: ["commands"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "addin/commands/message.html", to: "message.html" },
          { from: "addin/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "addin/assets/*.png", to: "assets/[name][ext]" },
          { from: "addin/deploy/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (address ? productionManifest(content.toString(), address) : content),
          },
        ],
      }),
    ],
    // The report builder and ExcelJS (about 1 MB) are chunks of their own, loaded only when Export report is
    // pressed: the limits hold for what every page loads, the entry points.
    performance: {
      maxAssetSize: 600_000,
      maxEntrypointSize: 600_000,
      assetFilter: (name) => /^(taskpane|commands)\./.test(name) && !name.endsWith(".map"),
    },
    devServer: {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: devCerts() },
      static: false,
    },
  };
};
