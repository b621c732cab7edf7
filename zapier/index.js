// Zapier loads the app from the package root; the compiled app and core live in dist/.
module.exports = require('./dist/src/index.js').default;
