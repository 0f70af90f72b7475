#!/bin/sh
# mkcert.sh DIR -- make a throwaway CA and a server certificate for
# 127.0.0.1 and localhost in DIR (ca.pem, server.pem, server.key), for the
# fake HTTPS servers of the tests. Made at test time, valid for two days,
# never committed: the private keys stay in DIR, which the test removes.
set -eu

dir=${1:?usage: mkcert.sh DIR}
cd "$dir"
umask 077

cat > ca.cnf <<'CNF'
[req]
distinguished_name = dn
prompt = no
[dn]
CN = heed test CA (throwaway)
[v3_ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
CNF

cat > server.cnf <<'CNF'
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
authorityKeyIdentifier = keyid
CNF

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
    -nodes -keyout ca.key -out ca.pem -days 2 -config ca.cnf \
    -extensions v3_ca 2>/dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
    -nodes -keyout server.key -out server.csr -subj /CN=localhost \
    2>/dev/null
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key \
    -set_serial "0x$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')" \
    -days 2 -extfile server.cnf -out server.pem 2>/dev/null
rm -f ca.key server.csr ca.cnf server.cnf
