#!/usr/bin/env bash
# Regenerates the EXAMPLE ONLY federation in certs-example/ with the project's own jar:
# new root, new keys for every node (DE and US with RSA-3072), FR's first signing key renewed and
# revoked (so the CRL lists one certificate), and a signed directory, all valid for ten years.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
jar="$repo/gateway/target/ncb-gateway.jar"
if [ ! -f "$jar" ]; then
  (cd "$repo" && mvn -q -B -DskipTests package)
fi
ncb() { java -jar "$jar" "$@"; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fed="$work/certs-example"
ncb pki init --out "$fed" --rsa DE,US --validity-days 3650
ncb pki renew --dir "$fed" --node FR --purpose SIGNING --revoke-old
ncb directory build --dir "$fed" --valid-days 3650
ncb directory sign --dir "$fed"
ncb directory verify --root "$fed/root.pem" "$fed/directory.p7s"

cp "$here/README.md" "$here/regenerate.sh" "$fed/"
find "$here" -mindepth 1 -maxdepth 1 ! -name README.md ! -name regenerate.sh -exec rm -rf {} +
cp -R "$fed/." "$here/"
echo "certs-example regenerated"
