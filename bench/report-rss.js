// Preloaded into a measured process: reports its peak resident memory on exit, on stderr.
const fs = require("fs");
process.on("exit", () => {
    fs.writeSync(2, `\n@@bench ${JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })}\n`);
});
