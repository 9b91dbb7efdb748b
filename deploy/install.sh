#!/usr/bin/env bash
# Install or upgrade Balai on Debian 12, from the checkout this script lives in.
#
#   sudo deploy/install.sh --domain desa.example.go.id --email it@example.go.id
#   sudo deploy/install.sh --dry-run --domain …      # print what it would do, change nothing
#
# Idempotent: run it again after `git pull` to upgrade (dependencies, migrate, collectstatic,
# restart). It never overwrites the secret key, and keeps every value already in the environment
# file unless a flag sets it. See docs/deploy.md.
#
# `deploy/install.sh --render FILE [flags]` prints one of the deploy/ files as it would be
# installed (the tests use it to run the shipped nginx site and systemd units).
set -euo pipefail

APP_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEPLOY="$APP_DIR/deploy"

ROOT=/srv/balai                       # venv/ and var/ live here
ETC=/etc/balai
USER_NAME=balai
DOMAIN=""
EMAIL=""
DATABASE_URL_FLAG=""
REDIS=0
SUBDOMAINS=""
EXTRA_DOMAINS=()
UPSTREAM=127.0.0.1:8000
LISTEN_HTTP=80
LISTEN_HTTPS=443
CACHE_DIR=/var/cache/nginx/balai
LOG_DIR=/var/log/balai
ACME_ROOT=/var/www/balai-acme
CERT=""
KEY=""
VENV=""
PYTHON_BIN=python3
DRY_RUN=0
RENDER=""
SKIP_PACKAGES=0
ONLY_ENV=0

usage() {
    cat <<'USAGE'
Usage: deploy/install.sh --domain DOMAIN [options]

  --domain DOMAIN        the district host (DISTRICT_DOMAIN); *.DOMAIN is served too
  --email ADDRESS        the operator's address (for the certbot command shown at the end)
  --database-url URL     DATABASE_URL (default: a local PostgreSQL database "balai" reached
                         over its socket as the system user balai; created if missing)
  --redis                install Redis locally and use it as the cache (REDIS_URL)
  --subdomains           serve each village at <slug>.DOMAIN (needs wildcard DNS and certificate)
  --extra-domain NAME    another host name for nginx (a village's own domain); repeatable
  --cert FILE --key FILE TLS certificate and key (default: Let's Encrypt's for DOMAIN when
                         present, else a temporary self-signed one until certbot has run)
  --root DIR             where venv/ and var/ go (default /srv/balai)
  --etc DIR              where balai.env goes (default /etc/balai)
  --upstream HOST:PORT[,HOST:PORT…]
                         the app servers' addresses (default 127.0.0.1:8000); several for
                         several app hosts, nginx shares the requests between them
  --listen-http PORT, --listen-https PORT    nginx's ports (default 80 and 443)
  --user NAME            the system user the services run as (default balai)
  --skip-packages        do not apt-get install anything
  --only-env             write or update the environment file only, then stop
  --dry-run              print every step, change nothing
  --render FILE          print FILE from deploy/ as it would be installed, then stop
USAGE
}

die() { echo "install.sh: $*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --domain) DOMAIN=${2:?}; shift 2 ;;
        --email) EMAIL=${2:?}; shift 2 ;;
        --database-url) DATABASE_URL_FLAG=${2:?}; shift 2 ;;
        --redis) REDIS=1; shift ;;
        --subdomains) SUBDOMAINS=1; shift ;;
        --extra-domain) EXTRA_DOMAINS+=("${2:?}"); shift 2 ;;
        --cert) CERT=${2:?}; shift 2 ;;
        --key) KEY=${2:?}; shift 2 ;;
        --root) ROOT=${2:?}; shift 2 ;;
        --etc) ETC=${2:?}; shift 2 ;;
        --venv) VENV=${2:?}; shift 2 ;;
        --upstream) UPSTREAM=${2:?}; shift 2 ;;
        --listen-http) LISTEN_HTTP=${2:?}; shift 2 ;;
        --listen-https) LISTEN_HTTPS=${2:?}; shift 2 ;;
        --cache-dir) CACHE_DIR=${2:?}; shift 2 ;;
        --log-dir) LOG_DIR=${2:?}; shift 2 ;;
        --acme-root) ACME_ROOT=${2:?}; shift 2 ;;
        --user) USER_NAME=${2:?}; shift 2 ;;
        --skip-packages) SKIP_PACKAGES=1; shift ;;
        --only-env) ONLY_ENV=1; SKIP_PACKAGES=1; shift ;;
        --dry-run) DRY_RUN=1; shift ;;
        --render) RENDER=${2:?}; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
done

[[ -n "$DOMAIN" ]] || { usage >&2; die "--domain is required (e.g. --domain desa.purbalinggakab.go.id)"; }
[[ "$DOMAIN" =~ ^[A-Za-z0-9.-]+(:[0-9]+)?$ ]] || die "--domain: not a host name: $DOMAIN"
for extra in "${EXTRA_DOMAINS[@]}"; do
    [[ "$extra" =~ ^[A-Za-z0-9.-]+$ ]] || die "--extra-domain: not a host name: $extra"
done
VENV=${VENV:-$ROOT/venv}
VAR_DIR=$ROOT/var
ENV_FILE=$ETC/balai.env
HOST=${DOMAIN%%:*}
SERVER_NAMES="$HOST *.$HOST ${EXTRA_DOMAINS[*]:-}"
SERVER_NAMES=${SERVER_NAMES% }
LE_DIR=/etc/letsencrypt/live/$HOST
SELF_SIGNED_DIR=$ETC/tls
if [[ -z "$CERT" ]]; then
    if [[ -s "$LE_DIR/fullchain.pem" ]]; then
        CERT=$LE_DIR/fullchain.pem KEY=$LE_DIR/privkey.pem
    else
        CERT=$SELF_SIGNED_DIR/selfsigned.crt KEY=$SELF_SIGNED_DIR/selfsigned.key
    fi
fi
[[ -n "$KEY" ]] || die "--cert needs --key"

# One deploy/ file with this install's values: the placeholders filled, the default paths and
# ports replaced by the ones given.
render() {
    local file=$1 first=${UPSTREAM%%,*} servers
    # One `server` line in the nginx upstream per app server given.
    servers=$(tr ',' '\n' <<<"$UPSTREAM" | sed 's#.*#    server &;#' | sed ':a;N;$!ba;s/\n/\\n/g')
    [[ -f "$file" ]] || file=$DEPLOY/$1
    [[ -f "$file" ]] || die "no such file: $1"
    sed -e "s#__SERVER_NAMES__#$SERVER_NAMES#g" \
        -e "s#__TLS_CERT__#$CERT#g" \
        -e "s#__TLS_KEY__#$KEY#g" \
        -e "s#/srv/balai/app#$APP_DIR#g" \
        -e "s#/srv/balai/venv#$VENV#g" \
        -e "s#/srv/balai/var#$VAR_DIR#g" \
        -e "s#/etc/balai/#$ETC/#g" \
        -e "s#^    server 127\.0\.0\.1:8000;#$servers#" \
        -e "s#127\.0\.0\.1:8000#$first#g" \
        -e "s#/var/cache/nginx/balai#$CACHE_DIR#g" \
        -e "s#/var/log/balai#$LOG_DIR#g" \
        -e "s#/var/www/balai-acme#$ACME_ROOT#g" \
        -e "s#^\(    listen \)80;#\1$LISTEN_HTTP;#" \
        -e "s#^\(    listen \)443 ssl#\1$LISTEN_HTTPS ssl#" \
        "$file"
}

if [[ -n "$RENDER" ]]; then
    render "$RENDER"
    exit 0
fi

if [[ $DRY_RUN -eq 0 && $EUID -ne 0 ]]; then
    die "run as root (sudo), or with --dry-run to see what it would do"
fi

step() { echo "==> $*"; }
# Run a command, or print it under --dry-run.
run() {
    if [[ $DRY_RUN -eq 1 ]]; then
        printf '+'; printf ' %q' "$@"; printf '\n'
    else
        "$@"
    fi
}
# Write stdin to a file (mode, owner) unless it already has exactly that content.
install_text() {
    local dest=$1 mode=$2 owner=$3 tmp
    tmp=$(mktemp)
    cat >"$tmp"
    if [[ -f "$dest" ]] && cmp -s "$tmp" "$dest"; then
        rm -f "$tmp"
        return 1
    fi
    if [[ $DRY_RUN -eq 1 ]]; then
        echo "+ write $dest ($mode $owner, $(wc -l <"$tmp") lines)"
        rm -f "$tmp"
        return 0
    fi
    install -D -m "$mode" -o "${owner%:*}" -g "${owner#*:}" "$tmp" "$dest"
    rm -f "$tmp"
    return 0
}
# Run a manage.py command as the balai user with the environment file.
manage() {
    if [[ $DRY_RUN -eq 1 ]]; then
        echo "+ (as $USER_NAME, with $ENV_FILE) $VENV/bin/python manage.py $*"
        return 0
    fi
    # shellcheck disable=SC2016  # expanded by the inner bash: $0 is the file, $@ the command
    runuser -u "$USER_NAME" -- env -C "$APP_DIR" bash -c \
        'set -a; . "$0"; set +a; exec "$@"' "$ENV_FILE" "$VENV/bin/python" manage.py "$@"
}
# Set KEY=VALUE in the environment file: added when missing; replaced only when `force`.
env_set() {
    local key=$1 value=$2 force=${3:-}
    if [[ -f "$ENV_FILE" ]] && grep -q "^$key=" "$ENV_FILE"; then
        [[ -n "$force" ]] || return 0
        grep -qxF "$key=$value" "$ENV_FILE" && return 0
        if [[ $DRY_RUN -eq 1 ]]; then echo "+ set $key in $ENV_FILE"; return 0; fi
        local tmp
        tmp=$(mktemp)
        # In place (the line keeps its position); ENVIRON: awk -v would interpret backslashes.
        K=$key V=$value awk 'index($0, ENVIRON["K"] "=") == 1 { print ENVIRON["K"] "=" ENVIRON["V"]; next } { print }' \
            "$ENV_FILE" >"$tmp"
        cat "$tmp" >"$ENV_FILE"
        rm -f "$tmp"
        return 0
    fi
    if [[ $DRY_RUN -eq 1 ]]; then echo "+ add $key to $ENV_FILE"; return 0; fi
    printf '%s=%s\n' "$key" "$value" >>"$ENV_FILE"
}

# --- packages --------------------------------------------------------------------------------
PACKAGES=(nginx python3 python3-venv git openssl logrotate)
LOCAL_POSTGRES=0
if [[ -z "$DATABASE_URL_FLAG" ]] && ! { [[ -f "$ENV_FILE" ]] && grep -q '^DATABASE_URL=' "$ENV_FILE"; }; then
    LOCAL_POSTGRES=1
    DATABASE_URL_FLAG="postgres://$USER_NAME@%2Frun%2Fpostgresql/$USER_NAME"
    PACKAGES+=(postgresql)
fi
[[ $REDIS -eq 1 ]] && PACKAGES+=(redis-server)
if [[ $SKIP_PACKAGES -eq 0 ]]; then
    step "Debian packages: ${PACKAGES[*]}"
    run apt-get update -q
    run env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${PACKAGES[@]}"
fi

# --- user and folders ------------------------------------------------------------------------
if [[ $ONLY_ENV -eq 0 ]]; then
    step "user $USER_NAME and folders under $ROOT"
    if ! id -u "$USER_NAME" >/dev/null 2>&1; then
        run useradd --system --user-group --home-dir "$ROOT" --shell /usr/sbin/nologin "$USER_NAME"
    fi
    run install -d -m 0755 -o root -g root "$ROOT" "$ETC"
    run install -d -m 0750 -o "$USER_NAME" -g "$USER_NAME" "$VAR_DIR"
    run install -d -m 0755 -o root -g adm "$LOG_DIR"
    run install -d -m 0755 "$ACME_ROOT" "$CACHE_DIR"
    if [[ $DRY_RUN -eq 0 ]]; then
        chown www-data "$CACHE_DIR" 2>/dev/null || true
        # nginx serves static files and public media straight from var/ (never var/private/).
        chgrp www-data "$VAR_DIR" 2>/dev/null && chmod 0750 "$VAR_DIR"
        for sub in static media; do
            install -d -m 2750 -o "$USER_NAME" -g www-data "$VAR_DIR/$sub"
        done
        install -d -m 0700 -o "$USER_NAME" -g "$USER_NAME" "$VAR_DIR/private"
    fi
fi

# --- local PostgreSQL (when no DATABASE_URL was given) ---------------------------------------
if [[ $LOCAL_POSTGRES -eq 1 && $ONLY_ENV -eq 0 ]]; then
    step "PostgreSQL database $USER_NAME (peer authentication, no password)"
    if [[ $DRY_RUN -eq 1 ]]; then
        echo "+ createuser $USER_NAME; createdb -O $USER_NAME $USER_NAME (if missing)"
    else
        runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_roles WHERE rolname='$USER_NAME'" | grep -q 1 \
            || runuser -u postgres -- createuser "$USER_NAME"
        runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_database WHERE datname='$USER_NAME'" | grep -q 1 \
            || runuser -u postgres -- createdb -O "$USER_NAME" "$USER_NAME"
    fi
fi

# --- environment file ------------------------------------------------------------------------
step "environment file $ENV_FILE"
if [[ ! -f "$ENV_FILE" ]]; then
    if [[ $DRY_RUN -eq 1 ]]; then
        echo "+ create $ENV_FILE (root:$USER_NAME 0640)"
    else
        install -d -m 0755 "$ETC"
        install -m 0640 -o root -g "$USER_NAME" /dev/null "$ENV_FILE"
        printf '# Balai settings (docs/deploy.md). Read by the balai-* services and install.sh.\n' >"$ENV_FILE"
    fi
fi
# Generated once; never replaced (it signs sessions and password-reset links).
if [[ $DRY_RUN -eq 1 ]]; then
    if [[ -f "$ENV_FILE" ]] && grep -q '^SECRET_KEY=' "$ENV_FILE"; then
        echo "+ keep SECRET_KEY"
    else
        echo "+ add SECRET_KEY (generated) to $ENV_FILE"
    fi
else
    env_set SECRET_KEY "$("$PYTHON_BIN" -c 'import secrets; print(secrets.token_urlsafe(50))')"
fi
env_set DISTRICT_DOMAIN "$DOMAIN" force
env_set CSRF_TRUSTED_ORIGINS "https://$DOMAIN" force
[[ -n "$DATABASE_URL_FLAG" ]] && env_set DATABASE_URL "$DATABASE_URL_FLAG" force
[[ $REDIS -eq 1 ]] && env_set REDIS_URL "redis://127.0.0.1:6379/1" force
[[ -n "$SUBDOMAINS" ]] && env_set VILLAGE_SUBDOMAINS 1 force
env_set BALAI_VAR_DIR "$VAR_DIR" force
env_set SITE_SCHEME https
env_set SECURE_COOKIES 1
env_set SECURE_SSL_REDIRECT 1
env_set SECURE_HSTS_SECONDS 31536000
env_set TRUSTED_PROXIES "127.0.0.1,::1"
if [[ $ONLY_ENV -eq 1 ]]; then
    exit 0
fi

# --- virtualenv ------------------------------------------------------------------------------
step "virtualenv $VENV from requirements.lock"
LOCK_SUM=$(sha256sum "$APP_DIR/requirements.lock" | cut -d' ' -f1)
if [[ ! -x "$VENV/bin/python" ]]; then
    run "$PYTHON_BIN" -m venv "$VENV"
fi
if [[ "$(cat "$VENV/.balai-lock" 2>/dev/null || true)" != "$LOCK_SUM" ]]; then
    run "$VENV/bin/pip" install -q --disable-pip-version-check -r "$APP_DIR/requirements.lock"
    [[ $DRY_RUN -eq 1 ]] || echo "$LOCK_SUM" >"$VENV/.balai-lock"
else
    echo "    requirements.lock unchanged"
fi

# --- database, cache table, static files, regions --------------------------------------------
step "migrate, createcachetable, collectstatic"
manage migrate --noinput
manage createcachetable
manage collectstatic --noinput -v0
if [[ $DRY_RUN -eq 1 ]]; then
    echo "+ (if no region is loaded) manage.py load_regions"
elif manage shell -c "import sys; from balai.regions.models import Region; sys.exit(0 if Region.objects.exists() else 3)"; then
    echo "    regions already loaded"
else
    step "load_regions (Kemendagri regions)"
    manage load_regions
fi

# --- TLS: a temporary self-signed certificate until certbot has run ----------------------------
if [[ "$CERT" == "$SELF_SIGNED_DIR/selfsigned.crt" && ! -s "$CERT" ]]; then
    step "temporary self-signed certificate (replace it with certbot, see the end)"
    run install -d -m 0700 "$SELF_SIGNED_DIR"
    run openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=$HOST" \
        -keyout "$KEY" -out "$CERT"
fi

# --- systemd, logrotate, nginx ---------------------------------------------------------------
step "systemd units, logrotate rule, nginx site"
UNITS=(balai-web balai-worker balai-scheduler)
for unit in "${UNITS[@]}"; do
    render "systemd/$unit.service" | install_text "/etc/systemd/system/$unit.service" 0644 root:root || true
done
render logrotate/balai | install_text /etc/logrotate.d/balai 0644 root:root || true
render nginx/balai.conf | install_text /etc/nginx/sites-available/balai.conf 0644 root:root || true
run ln -sfn /etc/nginx/sites-available/balai.conf /etc/nginx/sites-enabled/balai.conf
# Debian's welcome page would answer for hosts Balai does not serve.
if [[ -L /etc/nginx/sites-enabled/default ]]; then
    run rm -f /etc/nginx/sites-enabled/default
fi

run systemctl daemon-reload
run systemctl enable "${UNITS[@]}"
run systemctl restart "${UNITS[@]}"
run nginx -t -q
run systemctl enable nginx
run systemctl reload-or-restart nginx

step "done"
if [[ "$CERT" == "$SELF_SIGNED_DIR/selfsigned.crt" ]]; then
    cat <<EOF
The site runs with a temporary self-signed certificate. When DNS points here, get a real one:
    apt-get install certbot
    certbot certonly --webroot -w $ACME_ROOT -d $HOST ${EMAIL:+-m $EMAIL }--agree-tos \\
        --deploy-hook 'systemctl reload nginx'
then run this script again with the same flags (it switches nginx to $LE_DIR/).
EOF
fi
echo "First district admin: sudo -u $USER_NAME env -C $APP_DIR bash -c 'set -a; . $ENV_FILE; $VENV/bin/python manage.py createsuperuser'"
