/* Builds the task pane and the ribbon commands into dist/addin. `npm run build:addin` is the
 * production build the browser test loads; `npm start` serves the same pages over https for Excel.
 * `IEWSC_ADDIN_URL=https://… npm run build:addin` writes dist/addin/manifest.xml for that address. */
const path = require("node:path");
const fs = require("node:fs");
const os = require("node:os");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { productionManifest } = require("./addin/deploy/manifest.cjs");

/**
 * The oldest web views Excel still runs this add-in in (README.md, "Where the add-in runs"):
 * EdgeHTML 18 (Edge Legacy, ES2017, no BigInt) in Office 2016/2019 retail and Microsoft 365 builds on
 * Windows without WebView2, and WKWebView on the Macs Office still supports. Internet Explorer (Trident,
 * ES5 only) is not supported.
 */
const WEBVIEWS = { edge: "18", safari: "14" };

/**
 * Polyfills babel would add by the look of a call (`new Set(…)` brings every ES2025 Set method, `.map(`
 * the ES2025 iterator helpers) for built-ins newer than ES2022. Our code cannot use them: every tsconfig
 * has `lib: ES2022`, so the compiler refuses them. zod, ExcelJS and JSZip call none of them (checked
 * with grep when these lines were written). The web platform's URL and DOMException are in EdgeHTML 18.
 * Leaving them out keeps about 100 KB out of each page.
 */
const AFTER_ES2022 = [
  /^es(next)?\.(array|typed-array)\.(find-last|find-last-index|to-reversed|to-sorted|to-spliced|with)$/,
  /^es(next)?\.array-buffer\./,
  /^es(next)?\.(object|map)\.group-by$/,
  /^es(next)?\.promise\.(with-resolvers|try)$/,
  /^es(next)?\.string\.(is|to)-well-formed$/,
  /^es(next)?\.set\.[a-z-]+\.v2$/,
  /^es(next)?\.iterator\./,
  /^es(next)?\.(map|weak-map)\.get-or-insert/,
  /^es(next)?\.uint8-array\./,
  /^es(next)?\.json\.parse$/,
  /^es(next)?\.(regexp\.escape|math\.f16round|math\.sum-precise|error\.is-error|array\.from-async)$/,
  /^web\.(url|url-search-params|dom-exception)/,
];

/**
 * A babel plugin, for zod only: `BigInt(x)` becomes `(typeof BigInt === "function" ? BigInt(x) : NaN)`.
 * EdgeHTML 18 has no BigInt and nothing can add it. Our code does not use it (core/roster/tie-weights.ts
 * does the arbitration's exact arithmetic without it; test/browser/es2017.test.ts keeps it so), but zod
 * builds a table of 64-bit bounds with `BigInt("…")` when it loads, which would stop the whole script
 * there. The add-in never validates a big integer, so those numbers are never read. A global stand-in
 * would fool core-js and anything else that looks for BigInt; this touches zod's calls alone.
 */
function bigIntWhereThere({ types: t }) {
  const done = new WeakSet();
  return {
    visitor: {
      CallExpression(path) {
        const { node } = path;
        if (done.has(node) || !t.isIdentifier(node.callee, { name: "BigInt" }) || path.scope.hasBinding("BigInt", true))
          return;
        done.add(node);
        const there = t.binaryExpression(
          "===",
          t.unaryExpression("typeof", t.identifier("BigInt")),
          t.stringLiteral("function"),
        );
        path.replaceWith(t.conditionalExpression(there, node, t.identifier("NaN")));
      },
    },
  };
}

/**
 * Babel lowers every bundled script, ours (after ts-loader) and the packages' (zod and ExcelJS ship
 * ES2020 syntax), to what those web views parse, and adds the core-js polyfills each file uses.
 * Inline, not a babel.config.js, so that jest's babel-jest never picks it up.
 */
const babel = {
  loader: "babel-loader",
  options: {
    babelrc: false,
    configFile: false,
    // Packages are CommonJS as often as modules: polyfills are added as `require` or `import` to match.
    sourceType: "unambiguous",
    compact: true,
    cacheDirectory: true,
    // babel-loader's own cache key writes the RegExps of AFTER_ES2022 as `{}`: spell them out, and the
    // versions that decide the output, so that changing either rebuilds instead of reusing stale files.
    cacheIdentifier: [
      ...["@babel/core", "@babel/preset-env", "@babel/plugin-transform-runtime", "babel-loader", "core-js"].map(
        (name) => `${name}@${require(`${name}/package.json`).version}`,
      ),
      ...AFTER_ES2022.map(String),
      String(bigIntWhereThere),
    ].join(" "),
    // Helpers (object spread, named groups…) imported once from @babel/runtime, not copied into every module.
    plugins: [["@babel/plugin-transform-runtime", { helpers: true, regenerator: false, version: "7.29" }]],
    overrides: [{ test: /[\\/]node_modules[\\/]zod[\\/]/, plugins: [bigIntWhereThere] }],
    presets: [
      [
        "@babel/preset-env",
        { targets: WEBVIEWS, bugfixes: true, useBuiltIns: "usage", corejs: "3.51", exclude: AFTER_ES2022 },
      ],
    ],
  },
};

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
    // webpack's own runtime code in the same syntax as the rest.
    target: ["web", "es2017"],
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          use: [
            babel,
            {
              loader: "ts-loader",
              options: {
                configFile: path.resolve(__dirname, "addin/tsconfig.json"),
                onlyCompileBundledFiles: true,
                compilerOptions: { noEmit: false, module: "es2020", sourceMap: true },
              },
            },
          ],
        },
        // core-js and @babel/runtime are what babel adds: lowering them with babel would make them require themselves.
        {
          test: /\.[cm]?js$/,
          exclude: /[\\/]node_modules[\\/](core-js|@babel[\\/]runtime|webpack)[\\/]/,
          use: [babel],
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
