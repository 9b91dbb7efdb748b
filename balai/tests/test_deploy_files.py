"""The rest of deploy/: the install script (syntax, shellcheck, a dry run that changes nothing and
never replaces the secret key), the systemd units (systemd's own checker, the commands they run,
their hardening) and the log rotation rule (logrotate's own parser)."""

from __future__ import annotations

import configparser
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
INSTALL = DEPLOY / "install.sh"
UNITS = ["balai-web", "balai-worker", "balai-scheduler"]
VENV = Path(sys.executable).parent.parent


def install(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(INSTALL), *args], capture_output=True, text=True, timeout=60)


def dry_run(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return install(
        "--dry-run", "--skip-packages", "--domain", "desa.example.go.id",
        "--email", "it@example.go.id", "--root", str(tmp_path / "srv"),
        "--etc", str(tmp_path / "etc"), *extra,
    )  # fmt: skip


def test_the_install_script_parses():
    result = subprocess.run(["bash", "-n", str(INSTALL)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck is not installed")
def test_the_install_script_passes_shellcheck():
    result = subprocess.run(["shellcheck", str(INSTALL)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_a_dry_run_shows_every_step_and_changes_nothing(tmp_path):
    result = dry_run(tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for step in (
        "useradd --system",
        "add SECRET_KEY (generated)",
        "add DATABASE_URL",
        "-m venv",
        "-r " + str(REPO / "requirements.lock"),
        "manage.py migrate --noinput",
        "manage.py createcachetable",
        "manage.py collectstatic --noinput",
        "load_regions",
        "/etc/systemd/system/balai-web.service",
        "/etc/systemd/system/balai-worker.service",
        "/etc/systemd/system/balai-scheduler.service",
        "/etc/logrotate.d/balai",
        "/etc/nginx/sites-available/balai.conf",
        "systemctl enable balai-web balai-worker balai-scheduler",
        "systemctl restart balai-web balai-worker balai-scheduler",
        "nginx -t",
        "certbot certonly --webroot",
    ):
        assert step in out, step
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_a_rerun_keeps_the_secret_key_and_the_values_already_set(tmp_path):
    etc = tmp_path / "etc"
    etc.mkdir()
    (etc / "balai.env").write_text(
        "SECRET_KEY=kunci-lama\nDATABASE_URL=postgres://balai@db.internal/balai\n"
    )
    result = dry_run(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "keep SECRET_KEY" in result.stdout
    assert "SECRET_KEY (generated)" not in result.stdout
    assert "DATABASE_URL" not in result.stdout  # kept: no local PostgreSQL either
    assert "createdb" not in result.stdout
    assert (etc / "balai.env").read_text().startswith("SECRET_KEY=kunci-lama\n")


def write_env(tmp_path: Path, *flags: str) -> dict[str, str]:
    result = install(
        "--only-env", "--user", "root", "--etc", str(tmp_path / "etc"),
        "--root", str(tmp_path / "srv"), *flags,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = (tmp_path / "etc" / "balai.env").read_text().splitlines()
    pairs = [line.split("=", 1) for line in lines if line and not line.startswith("#")]
    keys = [key for key, _ in pairs]
    assert len(keys) == len(set(keys)), keys  # each key once
    return dict(pairs)


@pytest.mark.skipif(os.geteuid() != 0, reason="writes a root-owned file")
def test_the_environment_file_is_written_once_and_its_key_never_replaced(tmp_path):
    first = write_env(tmp_path, "--domain", "desa.example.go.id")
    assert len(first["SECRET_KEY"]) >= 50
    assert first["DISTRICT_DOMAIN"] == "desa.example.go.id"
    assert first["CSRF_TRUSTED_ORIGINS"] == "https://desa.example.go.id"
    assert first["DATABASE_URL"] == "postgres://root@%2Frun%2Fpostgresql/root"
    assert first["BALAI_VAR_DIR"] == str(tmp_path / "srv" / "var")
    assert (tmp_path / "etc" / "balai.env").stat().st_mode & 0o777 == 0o640
    env = tmp_path / "etc" / "balai.env"
    edited = env.read_text().replace("SITE_SCHEME=https", "SITE_SCHEME=http")
    env.write_text(edited + "EMAIL_HOST=smtp.example.go.id\n")
    again = write_env(
        tmp_path, "--domain", "portal.example.go.id", "--database-url", "postgres://b@db/balai"
    )
    assert again["SECRET_KEY"] == first["SECRET_KEY"]
    assert again["DISTRICT_DOMAIN"] == "portal.example.go.id"  # a flag sets its value
    assert again["DATABASE_URL"] == "postgres://b@db/balai"
    assert again["EMAIL_HOST"] == "smtp.example.go.id"  # the operator's lines stay
    assert again["SITE_SCHEME"] == "http"  # as the operator set it, the default not forced


@pytest.mark.skipif(os.geteuid() != 0, reason="writes a root-owned file")
def test_the_environment_file_passes_djangos_deployment_checks(tmp_path):
    write_env(tmp_path, "--domain", "desa.example.go.id", "--database-url", "postgres://b@db/b")
    result = subprocess.run(
        ["bash", "-c", 'set -a; . "$0"; set +a; exec "$@"', str(tmp_path / "etc" / "balai.env"),
         sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO, capture_output=True, text=True,
        env={"PATH": os.environ["PATH"]},
    )  # fmt: skip
    # Only HSTS for subdomains and preload remain: a district decides those itself.
    problems = set(re.findall(r"\(([a-z_.]+\.[EW]\d+)\)", result.stderr))
    assert problems <= {"security.W005", "security.W021"}, result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "--domain is required"),
        (["--domain", "desa;rm -rf /"], "not a host name"),
        (["--domain", "a.test", "--bogus"], "unknown option"),
        (["--domain", "a.test", "--extra-domain", "x#y"], "not a host name"),
    ],
)
def test_bad_flags_are_refused_with_a_clear_line(args, message):
    result = install("--dry-run", *args)
    assert result.returncode == 2
    assert message in result.stderr


def render_units(tmp_path: Path) -> dict[str, Path]:
    rendered = {}
    for unit in UNITS:
        path = tmp_path / f"{unit}.service"
        result = install("--render", f"systemd/{unit}.service", "--domain", "x.test",
                         "--venv", str(VENV))  # fmt: skip
        assert result.returncode == 0, result.stderr
        path.write_text(result.stdout)
        rendered[unit] = path
    return rendered


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
def test_systemd_accepts_the_units(tmp_path):
    units = render_units(tmp_path)
    result = subprocess.run(
        ["systemd-analyze", "verify", *map(str, units.values())], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    # Unknown keys and bad values are only warnings there: none is allowed.
    assert result.stderr.strip() == "", result.stderr


def read_unit(unit: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DEPLOY / "systemd" / f"{unit}.service")
    return parser


@pytest.mark.parametrize(
    ("unit", "command"),
    [
        ("balai-web", ["serve", "--bind", "127.0.0.1:8000", "--no-worker", "--no-scheduler"]),
        ("balai-worker", ["db_worker"]),
        ("balai-scheduler", ["scheduler"]),
    ],
)
def test_each_unit_runs_its_command_restarted_hardened_as_balai(unit, command):
    service = read_unit(unit)["Service"]
    assert (
        shlex.split(service["ExecStart"]) == ["/srv/balai/venv/bin/python", "manage.py"] + command
    )
    assert service["WorkingDirectory"] == "/srv/balai/app"
    assert service["Restart"] == "always"
    assert (service["User"], service["Group"]) == ("balai", "balai")
    assert service["EnvironmentFile"] == "/etc/balai/balai.env"
    assert service["NoNewPrivileges"] == "yes"
    assert service["ProtectSystem"] == "strict"
    assert service["ReadWritePaths"] == "/srv/balai/var"
    assert service["PrivateTmp"] == "yes"
    assert read_unit(unit)["Install"]["WantedBy"] == "multi-user.target"


@pytest.mark.parametrize(
    ("unit", "name"),
    [("balai-web", "serve"), ("balai-worker", "db_worker"), ("balai-scheduler", "scheduler")],
)
def test_the_command_of_each_unit_exists_and_takes_its_flags(unit, name, settings):
    from balai import settings as production

    settings.TASKS = production.TASKS  # db_worker checks its backend while parsing
    commands = get_commands()
    if name not in commands:
        pytest.skip(f"manage.py {name} is not in this tree yet")
    args = shlex.split(read_unit(unit)["Service"]["ExecStart"])[3:]
    parser = load_command_class(commands[name], name).create_parser("manage.py", name)
    parser.parse_args(args)  # exits (SystemExit) on a flag the command does not have


@pytest.mark.skipif(shutil.which("logrotate") is None, reason="logrotate is not installed")
def test_logrotate_accepts_the_rule(tmp_path):
    rule = tmp_path / "balai"
    result = install("--render", "logrotate/balai", "--domain", "x.test",
                     "--log-dir", str(tmp_path / "log"))  # fmt: skip
    rule.write_text(result.stdout)
    (tmp_path / "log").mkdir()
    (tmp_path / "log" / "web.log").write_text("request id=1 method=GET path=/ status=200\n")
    check = subprocess.run(
        ["logrotate", "-d", "-s", str(tmp_path / "state"), str(rule)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    assert "error:" not in (check.stdout + check.stderr).lower()
    assert str(tmp_path / "log" / "web.log") in check.stdout + check.stderr


def test_several_app_servers_each_get_an_upstream_line():
    site = install("--render", "nginx/balai.conf", "--domain", "x.test", "--cert", "/c.pem",
                   "--key", "/k.pem", "--upstream", "10.0.0.11:8000,10.0.0.12:8000")  # fmt: skip
    assert site.returncode == 0, site.stderr
    block = site.stdout.split("upstream balai_app {", 1)[1].split("}", 1)[0]
    assert [line.strip() for line in block.splitlines() if line.strip().startswith("server")] == [
        "server 10.0.0.11:8000;",
        "server 10.0.0.12:8000;",
    ]
    web = install("--render", "systemd/balai-web.service", "--domain", "x.test",
                  "--upstream", "10.0.0.11:8000,10.0.0.12:8000")  # fmt: skip
    assert "10.0.0.11:8000" in web.stdout and "10.0.0.12" not in web.stdout  # this host's own
