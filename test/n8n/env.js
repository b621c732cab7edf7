// n8n-core keeps its settings under N8N_USER_FOLDER: point it at a throwaway folder, never ~/.n8n;
// its logger would print every expected failure of the error tests.
const { mkdtempSync } = require('fs');
const { tmpdir } = require('os');
const path = require('path');

process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(tmpdir(), 'allo-n8n-'));
process.env.N8N_LOG_LEVEL ??= 'silent';
