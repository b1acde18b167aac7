"""Who may do what on an office's server database, decided by the server itself (not the program).

``lawgov server setup`` gives the database three group roles (NOLOGIN), each clerk's login being
a member of one of them:

* ``<prefix>_admin``  — owns every table (so may change anything: reference data, versions, upper
  lists, laws, the schema itself when a newer program migrates it); owners pass row security.
* ``<prefix>_editor`` — changes the lists, but only the records of their regions (below), and
  writes what the program writes beside a record: the change log and import records (as
  themselves only: a row's "user" must be the login), search and citation rows, batches, laws the
  lists cite, saved filters and mapping templates.
* ``<prefix>_reader`` — reads everything, writes nothing.

The prefix is ``lawgov`` unless the server keeps several offices' databases (roles are the whole
server's, grants each database's); it is kept in ``lawgov_meta``.

An editor's regions are rows of ``lawgov_grant`` (login → region); a region covers its descendants
(``region.parent_id``).  Whose record is whose:

* a licence item or a power: its department's region (a saved version's copies: admins only);
* a department: its region (a department without one belongs to the whole city: admins only);
  a department's alias: its department's;
* a delegation: the township it is delegated to (``delegation.region_id``), so a county's clerk
  keeps the delegations to the county's towns, whichever department's power they are;
* a region or its alias: the region's parent, so a county's clerk may add and rename the county's
  towns but not the county itself.

Row-level security checks the rows an editor writes (``WITH CHECK``); a row an editor may not touch
is refused by a trigger rather than by a policy's ``USING``, because PostgreSQL's answer to an
UPDATE or DELETE outside the policy is silence ("UPDATE 0"), and the program would report a
change that never happened.  (A cascade — a deleted department's aliases — runs as the tables'
owner, the admin group, so passes the trigger: the delete that caused it was checked.)  Every
refusal is SQLSTATE 42501, which ``core.postgres`` turns into the clerk's message; the
transaction rolls back, so the database is left as it was.

Setup is idempotent; a later migration's new tables get their rights when setup is run again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql

from .errors import DatabaseError, NotFoundError, ValidationError
from .location import ServerAddress
from .postgres import Connection, connect

DEFAULT_PREFIX = "lawgov"
# The lawgov_meta key naming the prefix of this database's roles.
PREFIX_KEY = "server_roles"
ROLES = ("admin", "editor", "reader")
ROLE_LABELS = {"admin": "管理员", "editor": "编辑", "reader": "只读"}
_PREFIX = re.compile(r"[a-z][a-z0-9_]{0,40}")

# Tables whose rows belong to regions: the predicate (on a row named ``{row}``) an editor's row
# must meet, checked on the new row by row security and on the old one by a trigger.
REGION_RULES = {
    "licence_item": "{row}version_id IS NULL AND lawgov_department_in_regions({row}department_id)",
    "power": "{row}version_id IS NULL AND lawgov_department_in_regions({row}department_id)",
    "delegation": ("lawgov_in_regions({row}region_id)"
                   " AND (SELECT p.version_id FROM public.power p WHERE p.id = {row}power_id) IS NULL"),
    "department": "lawgov_in_regions({row}region_id)",
    "department_alias": "lawgov_department_in_regions({row}department_id)",
    "region": "lawgov_in_regions({row}parent_id)",
    "region_alias": "lawgov_in_regions((SELECT r.parent_id FROM public.region r WHERE r.id = {row}region_id))",
}
# What else an editor writes, and how much of it.
EDITOR_WRITES = {
    **{table: "INSERT, UPDATE, DELETE" for table in REGION_RULES},
    **{table: "INSERT, UPDATE, DELETE" for table in (
        "batch", "licence_search", "power_search", "citation", "saved_filter", "mapping_template")},
    "change_log": "INSERT, UPDATE (reverted_by)",  # undo marks what it undid; history is not rewritten
    "import_record": "INSERT, UPDATE (inserted, updated, unchanged, rejected, undone_at)",
    "law": "INSERT, UPDATE (amends_json)",  # a legal basis citing a law not yet known adds it
}
# Tables an editor appends to under their own login only.
SIGNED_TABLES = ("change_log", "import_record")

# PL/pgSQL, not SQL: its statements' plans are kept for the session, where an SQL function's
# recursive query was planned again for every row (thirty times slower on a bulk change).
# Tables are named with their schema here and in REGION_RULES: a session's temporary tables come
# first in its search path, and a clerk's own "lawgov_grant" must not answer for the real one.
_FUNCTIONS = """
CREATE OR REPLACE FUNCTION lawgov_in_regions(start integer) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
  here integer := start;
  steps integer := 0;
BEGIN
  WHILE here IS NOT NULL AND steps < 50 LOOP
    IF EXISTS (SELECT 1 FROM public.lawgov_grant g WHERE g.region_id = here AND g.role_name = current_user) THEN
      RETURN true;
    END IF;
    SELECT r.parent_id INTO here FROM public.region r WHERE r.id = here;
    steps := steps + 1;
  END LOOP;
  RETURN false;
END
$$;
COMMENT ON FUNCTION lawgov_in_regions(integer) IS
  'LawGov: whether the region is one the current user was granted, or lies below one';
CREATE OR REPLACE FUNCTION lawgov_department_in_regions(department integer) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
  home integer;
BEGIN
  SELECT d.region_id INTO home FROM public.department d WHERE d.id = department;
  RETURN lawgov_in_regions(home);
END
$$;
"""

_GUARD = """
CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_has_role({admin}, 'USAGE') AND NOT coalesce({rule}, false) THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = format('row-level security: 用户 %s 不能修改或删除 %s 表第 %s 行（不在其辖区内）',
                       current_user, TG_TABLE_NAME, OLD.id);
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE OR REPLACE TRIGGER lawgov_guard BEFORE UPDATE OR DELETE ON {table}
  FOR EACH ROW EXECUTE FUNCTION {function}();
"""


@dataclass(frozen=True)
class ServerUser:
    """A login of the database: its role (admin/editor/reader, "" for none) and an editor's regions."""

    name: str
    role: str
    regions: tuple[str, ...]
    can_login: bool

    def to_json(self) -> dict[str, Any]:
        return {"user": self.name, "role": self.role, "regions": list(self.regions), "login": self.can_login}


def group_name(prefix: str, role: str) -> str:
    """The group role of ``role`` (admin/editor/reader) under ``prefix``."""
    return f"{prefix}_{role}"


class ServerAdmin:
    """Roles, grants and row security of one server database, over an administrator's connection."""

    def __init__(self, address: ServerAddress) -> None:
        self.conn: Connection = connect(address)
        self.address = address

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> ServerAdmin:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------------------- setup
    def setup(self, prefix: str | None = None) -> dict[str, str]:
        """Create (or bring up to date) the roles, rights and row security under ``prefix`` (by
        default ``lawgov``); returns the group role of each of ``ROLES``.

        The schema must be current (``Library(address)`` migrates it first).  In one transaction:
        a setup that fails leaves the database as it was.
        """
        prefix = prefix or DEFAULT_PREFIX
        if not _PREFIX.fullmatch(prefix):
            raise ValidationError({"角色前缀": f"“{prefix}”无效：只能用小写字母、数字和下划线，以字母开头。"})
        known = self.prefix(required=False)
        if known is not None and known != prefix:
            raise DatabaseError(f"数据库“{self.address.database}”已按角色前缀“{known}”设置，"
                                f"不能改用“{prefix}”。")
        groups = {role: group_name(prefix, role) for role in ROLES}
        ident = {role: sql.Identifier(name) for role, name in groups.items()}
        run = self._run
        with self._transaction():
            existing = self._existing_roles(list(groups.values()))
            for name in groups.values():
                if name not in existing:
                    run("CREATE ROLE {} NOLOGIN", sql.Identifier(name))
            if not self._is_superuser():
                run("GRANT {} TO CURRENT_USER", ident["admin"])  # so this admin may hand tables to it
            database = sql.Identifier(self.address.database)
            run("REVOKE CONNECT ON DATABASE {} FROM PUBLIC", database)
            run("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}, {}, {}", database, *ident.values())
            run("GRANT USAGE, CREATE ON SCHEMA public TO {}", ident["admin"])
            run("GRANT USAGE ON SCHEMA public TO {}, {}", ident["editor"], ident["reader"])
            run("""CREATE TABLE IF NOT EXISTS lawgov_grant (
                     role_name text COLLATE "C" NOT NULL,
                     region_id integer NOT NULL REFERENCES region (id) ON DELETE CASCADE,
                     PRIMARY KEY (role_name, region_id))""")
            run("COMMENT ON TABLE lawgov_grant IS {}",
                sql.Literal("LawGov: the regions each editor may change (lawgov server grant)"))
            run(_FUNCTIONS)
            self._hand_to(ident["admin"])
            self._grant_tables(ident)
            self._secure_rows(ident, groups["admin"])
            run("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {}, {}",
                ident["editor"], ident["reader"])
            self.conn.raw.execute("INSERT INTO lawgov_meta (key, value) VALUES (%s, %s)"
                                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (PREFIX_KEY, prefix))
        return groups

    def _hand_to(self, admin: sql.Identifier) -> None:
        """Make the admin group own every table, sequence and function of the schema: its members
        may then change anything and migrate, and owners pass row security."""
        for kind, name in self.conn.raw.execute(
                "SELECT 'TABLE', c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v')"
                " UNION ALL SELECT 'SEQUENCE', c.relname FROM pg_class c"
                " JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE n.nspname = 'public' AND c.relkind = 'S'"
                " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))"
                " UNION ALL SELECT 'FUNCTION', p.oid::regprocedure::text FROM pg_proc p"
                " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'").fetchall():
            target = sql.SQL(name) if kind == "FUNCTION" else sql.Identifier(name)
            self._run(f"ALTER {kind} {{}} OWNER TO {{}}", target, admin)

    def _grant_tables(self, ident: dict[str, sql.Identifier]) -> None:
        """Readers and editors read every table; editors write what ``EDITOR_WRITES`` says."""
        run = self._run
        for role in ("editor", "reader"):
            run("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {}", ident[role])
            run("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {}", ident[role])
            run("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {}", ident[role])
            run("GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO {}", ident[role])
        for table, privileges in EDITOR_WRITES.items():
            run(f"GRANT {privileges} ON {{}} TO {{}}", sql.Identifier(table), ident["editor"])
            # new ids; imports and undo write ids themselves, then move the sequence past them (setval)
            sequence = self.conn.raw.execute("SELECT pg_get_serial_sequence(%s, 'id')", (f"public.{table}",)).fetchone()
            if sequence and sequence[0]:
                run("GRANT USAGE, UPDATE ON SEQUENCE {} TO {}", sql.SQL(sequence[0]), ident["editor"])

    def _secure_rows(self, ident: dict[str, sql.Identifier], admin: str) -> None:
        """Row security on the regions' tables, the signed tables and the grants themselves."""
        run = self._run
        readers = sql.SQL(", ").join([ident["editor"], ident["reader"]])
        for table in (*REGION_RULES, *SIGNED_TABLES, "lawgov_grant"):
            name = sql.Identifier(table)
            run("ALTER TABLE {} ENABLE ROW LEVEL SECURITY", name)
            for policy in ("lawgov_read", "lawgov_insert", "lawgov_update", "lawgov_delete"):
                run("DROP POLICY IF EXISTS {} ON {}", sql.Identifier(policy), name)
        for table, rule in REGION_RULES.items():
            name, new_row = sql.Identifier(table), sql.SQL(rule.format(row=f"{table}."))
            run("CREATE POLICY lawgov_read ON {} FOR SELECT TO {} USING (true)", name, readers)
            run("CREATE POLICY lawgov_insert ON {} FOR INSERT TO {} WITH CHECK ({})", name, ident["editor"], new_row)
            run("CREATE POLICY lawgov_update ON {} FOR UPDATE TO {} USING (true) WITH CHECK ({})",
                name, ident["editor"], new_row)
            run("CREATE POLICY lawgov_delete ON {} FOR DELETE TO {} USING (true)", name, ident["editor"])
            function = sql.Identifier(f"lawgov_guard_{table}")
            run(_GUARD.replace("{rule}", rule.format(row="OLD.")), function=function, table=name,
                admin=sql.Literal(admin))
            run("ALTER FUNCTION {}() OWNER TO {}", function, ident["admin"])
        for table in SIGNED_TABLES:
            name = sql.Identifier(table)
            run("CREATE POLICY lawgov_read ON {} FOR SELECT TO {} USING (true)", name, readers)
            run('CREATE POLICY lawgov_insert ON {} FOR INSERT TO {} WITH CHECK ("user" = current_user)',
                name, ident["editor"])
            run("CREATE POLICY lawgov_update ON {} FOR UPDATE TO {} USING (true) WITH CHECK (true)",
                name, ident["editor"])
        run("CREATE POLICY lawgov_read ON lawgov_grant FOR SELECT TO {} USING (role_name = current_user)", readers)

    # ---------------------------------------------------------------------------- users
    def prefix(self, *, required: bool = True) -> str | None:
        """The prefix of this database's roles (None, or a message, before setup)."""
        row = self.conn.raw.execute("SELECT value FROM lawgov_meta WHERE key = %s", (PREFIX_KEY,)).fetchone()
        if row is None and required:
            raise DatabaseError(f"数据库“{self.address.database}”尚未设置角色，请先运行 lawgov server setup。")
        return row[0] if row else None

    def grant(self, user: str, role: str, regions: Sequence[str] = (), password: str | None = None) -> bool:
        """Make ``user`` an admin, editor (of ``regions``) or reader, creating the login if missing;
        ``password`` (typed, never on a command line) is sent as a SCRAM verifier.  Replaces the
        user's earlier role and regions.  Returns True when the login was created."""
        prefix = self.prefix()
        if role not in ROLES:
            raise ValidationError({"角色": f"“{role}”无效，应为 admin（管理员）、editor（编辑）或 reader（只读）。"})
        if role == "editor" and not regions:
            raise ValidationError({"辖区": "编辑须指定至少一个辖区。"})
        if role != "editor" and regions:
            raise ValidationError({"辖区": "只有编辑按辖区授权：管理员可修改全部数据，只读用户不能修改。"})
        if not user or user.startswith("pg_") or user in {group_name(prefix, r) for r in ROLES}:
            raise ValidationError({"用户": f"“{user}”不能用作用户名。"})
        region_ids = [self._region_id(name) for name in regions]
        name = sql.Identifier(user)
        with self._transaction():
            created = not self._existing_roles([user])
            if created:
                self._run("CREATE ROLE {} LOGIN", name)
            if password:
                verifier = self.conn.raw.pgconn.encrypt_password(password.encode(), user.encode(), b"scram-sha-256")
                self._run("ALTER ROLE {} PASSWORD {}", name, sql.Literal(verifier.decode()))
            self._leave_groups(prefix, user)
            self._run("GRANT {} TO {}", sql.Identifier(group_name(prefix, role)), name)
            self.conn.raw.execute("DELETE FROM lawgov_grant WHERE role_name = %s", (user,))
            for region_id in region_ids:
                self.conn.raw.execute("INSERT INTO lawgov_grant (role_name, region_id) VALUES (%s, %s)",
                                      (user, region_id))
        return created

    def revoke(self, user: str) -> None:
        """Take every LawGov role and region from ``user``; the login itself stays (the server's
        other databases may use it): ``DROP ROLE`` removes it."""
        prefix = self.prefix()
        with self._transaction():
            left = self._leave_groups(prefix, user)
            regions = self.conn.raw.execute("DELETE FROM lawgov_grant WHERE role_name = %s", (user,)).rowcount
            if not left and not regions:
                raise NotFoundError(f"“{user}”不是本数据库的用户。")

    def users(self) -> list[ServerUser]:
        """Every member of the three groups and everyone granted regions, by name."""
        prefix = self.prefix()
        groups = {group_name(prefix, role): role for role in ROLES}
        roles: dict[str, tuple[str, bool]] = {}
        for member, group, can_login in self.conn.raw.execute(
                "SELECT m.rolname, g.rolname, m.rolcanlogin FROM pg_auth_members a"
                " JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member"
                " WHERE g.rolname = ANY(%s)", (list(groups),)):
            roles[member] = (groups[group], can_login)
        regions: dict[str, list[str]] = {}
        for member, region in self.conn.raw.execute(
                "SELECT g.role_name, r.name FROM lawgov_grant g JOIN region r ON r.id = g.region_id"
                " ORDER BY g.role_name, r.position, r.id"):
            regions.setdefault(member, []).append(region)
        logins = dict(self.conn.raw.execute("SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname = ANY(%s)",
                                            (list(regions),)).fetchall())
        return [ServerUser(name, roles.get(name, ("", False))[0], tuple(regions.get(name, ())),
                           roles[name][1] if name in roles else bool(logins.get(name)))
                for name in sorted({*roles, *regions})]

    # ---------------------------------------------------------------------------- internals
    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction of administration; a login lacking the rights for it is told which."""
        try:
            with self.conn.raw.transaction():
                yield
        except psycopg.errors.InsufficientPrivilege as exc:
            raise DatabaseError(
                f"账号“{self.address.user or ''}”无权管理这个数据库的用户和权限（{exc.diag.message_primary}）："
                "请用服务器的超级用户，或有 CREATEDB、CREATEROLE 权限并建立了这个数据库的管理员账号运行；"
                "数据库未作任何改动。") from exc

    def _run(self, statement: str, *parts: sql.Composable, **named: sql.Composable) -> None:
        """Run a statement composed with identifiers and literals (DDL takes no parameters)."""
        self.conn.raw.execute(sql.SQL(statement).format(*parts, **named))

    def _existing_roles(self, names: list[str]) -> set[str]:
        return {row[0] for row in self.conn.raw.execute("SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)",
                                                        (names,))}

    def _is_superuser(self) -> bool:
        return bool(self.conn.raw.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0])

    def _leave_groups(self, prefix: str, user: str) -> bool:
        """Take ``user`` out of the groups it is in; True when it was in any."""
        groups = [row[0] for row in self.conn.raw.execute(
            "SELECT g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid"
            " JOIN pg_roles m ON m.oid = a.member WHERE m.rolname = %s AND g.rolname = ANY(%s)",
            (user, [group_name(prefix, role) for role in ROLES]))]
        for group in groups:
            self._run("REVOKE {} FROM {}", sql.Identifier(group), sql.Identifier(user))
        return bool(groups)

    def _region_id(self, name: str) -> int:
        """The region a name or alias means; refused when none or several do."""
        rows = self.conn.raw.execute(
            "SELECT id, name FROM region WHERE name = %s"
            " UNION SELECT r.id, r.name FROM region_alias a JOIN region r ON r.id = a.region_id WHERE a.alias = %s",
            (name.strip(), name.strip())).fetchall()
        if not rows:
            raise NotFoundError(f"没有名为“{name}”的行政区划（可用 lawgov list regions 查看）。")
        if len(rows) > 1:
            raise ValidationError({"辖区": f"“{name}”可指多个区划：{'、'.join(r[1] for r in rows)}，请写全称。"})
        return int(rows[0][0])


def create_database(address: ServerAddress) -> bool:
    """Create the address's database (UTF-8, from template0) if missing; True when created.

    Connects to the server's ``postgres`` database as the same user, who needs CREATEDB.
    """
    maintenance = ServerAddress(**{**address.__dict__, "database": "postgres"})
    conn = connect(maintenance)
    try:
        if conn.raw.execute("SELECT 1 FROM pg_database WHERE datname = %s", (address.database,)).fetchone():
            return False
        try:
            conn.raw.execute(sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0").format(
                sql.Identifier(address.database)))
        except psycopg.errors.InsufficientPrivilege as exc:
            raise DatabaseError(f"用户“{address.user or ''}”无权创建数据库：请用有 CREATEDB 权限的管理员账号，"
                                "或先由服务器管理员创建数据库。") from exc
        return True
    finally:
        conn.close()
