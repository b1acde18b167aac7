"""``lawgov server setup|grant|revoke|users``: an office's shared PostgreSQL database and who may
do what in it — decided by the server's roles and row-level security (``core.server_admin``), so a
clerk's program cannot overstep them.

These commands run as the server's administrator and need a ``postgresql://`` address, given as
``lawgov --db URL server …`` or ``lawgov server … --db URL``.  ``setup`` may create the database,
so they open no library first; ``core.server_admin`` (and psycopg with it) is loaded only when one
of them runs, the other commands never pay for it.
"""

from __future__ import annotations

import argparse
import getpass
from typing import TextIO

from lawgov_desktop.core.db import resolve_location
from lawgov_desktop.core.location import ServerAddress

from .errors import UsageError
from .options import SubParsers, write_json
from .table import format_table


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``server setup``, ``server grant USER``, ``server revoke USER``, ``server users``."""
    parser = commands.add_parser(
        "server", help="设置办公室共用的服务器数据库（PostgreSQL）：角色、用户与辖区",
        description="服务器数据库（PostgreSQL）由服务器决定谁能改什么：管理员可修改全部数据，编辑只能修改"
                    "其辖区（含下级区划）部门的记录，只读用户只能查看。须以服务器管理员身份运行。")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True, title="操作")

    setup = actions.add_parser(
        "setup", help="建立或升级数据库结构，并设置角色、权限和行级安全（可重复运行）",
        description="建立或升级数据库结构，建立三个角色（管理员、编辑、只读）及其权限和行级安全。"
                    "可重复运行；程序升级后数据库结构有新表时，请再运行一次。")
    _add_address(setup)
    setup.add_argument("--create-database", action="store_true", help="数据库不存在时先创建（UTF8 编码）")
    setup.add_argument("--role-prefix", metavar="PREFIX",
                       help="角色名前缀，默认 lawgov（lawgov_admin、lawgov_editor、lawgov_reader）；"
                            "同一服务器上有几个办公室的数据库时，各用一个前缀")
    setup.set_defaults(run_on_server=_setup)

    grant = actions.add_parser(
        "grant", help="添加用户或改变其角色与辖区",
        description="让 USER 成为管理员、编辑（指定辖区）或只读用户；没有这个登录账号时新建。"
                    "用户原来的角色和辖区被替换。密码只在交互提示中输入，不写在命令行上。")
    grant.add_argument("user", metavar="USER", help="数据库登录名，如 haifeng_zhang")
    grant.add_argument("--role", required=True, metavar="ROLE",
                       help="admin 管理员（可修改全部数据）、editor 编辑（只能修改其辖区的记录）或 reader 只读")
    grant.add_argument("--region", action="append", default=[], metavar="REGION",
                       help="编辑的辖区（如 海丰县，含其下级区划）；可重复")
    grant.add_argument("--password-prompt", action="store_true", help="提示输入该用户的登录密码")
    _add_address(grant)
    grant.set_defaults(run_on_server=_grant)

    revoke = actions.add_parser("revoke", help="取消用户的角色和辖区（登录账号保留）")
    revoke.add_argument("user", metavar="USER", help="数据库登录名")
    _add_address(revoke)
    revoke.set_defaults(run_on_server=_revoke)

    users = actions.add_parser("users", help="列出用户、角色和辖区")
    users.add_argument("--json", action="store_true", help="输出 JSON")
    _add_address(users)
    users.set_defaults(run_on_server=_users)
    return parser


def _add_address(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: without it this option's default would hide a --db written before "server"
    parser.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="服务器数据库地址，如 postgresql://admin@server/lawgov（管理员账号）")


def server_address(args: argparse.Namespace) -> ServerAddress:
    """The server database the arguments name; a file is refused."""
    location = resolve_location(getattr(args, "db", None))
    if not isinstance(location, ServerAddress):
        raise UsageError("lawgov server 只用于服务器数据库：请用 --db postgresql://管理员@服务器/数据库 指定。")
    return location


def _setup(args: argparse.Namespace, out: TextIO) -> int:
    from lawgov_desktop.core.library import Library
    from lawgov_desktop.core.server_admin import ROLE_LABELS, ServerAdmin, create_database

    address = server_address(args)
    if args.create_database:
        created = create_database(address)
        out.write(f"{'已创建' if created else '已有'}数据库“{address.database}”。\n")
    with Library(address) as library:
        out.write(f"数据库结构{'已建立（含行政区划）' if library.created else '是最新的'}。\n")
    with ServerAdmin(address) as admin:
        groups = admin.setup(args.role_prefix)
    roles = "、".join(f"{name}（{ROLE_LABELS[role]}）" for role, name in groups.items())
    out.write(f"已设置角色 {roles}，以及各表的权限和行级安全。\n"
              f"下一步：lawgov server grant 用户名 --role editor --region 辖区 --password-prompt --db {address.url}\n"
              "程序升级并更新数据库结构后，请再运行一次 lawgov server setup。\n")
    return 0


def _grant(args: argparse.Namespace, out: TextIO) -> int:
    from lawgov_desktop.core.server_admin import ROLE_LABELS, ServerAdmin

    address = server_address(args)
    password = _ask_password(args.user) if args.password_prompt else None
    with ServerAdmin(address) as admin:
        created = admin.grant(args.user, args.role, args.region, password=password)
    regions = f"，辖区：{'、'.join(args.region)}" if args.region else ""
    out.write(f"{'已新建登录账号' if created else '用户'}“{args.user}”：{ROLE_LABELS[args.role]}{regions}。\n")
    if password is None and created:
        out.write(f"未设置密码：请重新运行并加 --password-prompt，或在 psql 中用 \\password {args.user} 设置。\n")
    out.write(f"该用户连接：lawgov --db postgresql://{args.user}@{address.host}:{address.port}/{address.database}"
              "（或在窗口中：文件 → 连接服务器数据库…）\n")
    return 0


def _ask_password(user: str) -> str:
    """The new user's password, typed twice at the terminal (never on the command line)."""
    password = getpass.getpass(f"用户“{user}”的密码：")
    if not password:
        raise UsageError("密码不能为空。")
    if getpass.getpass("再输入一次：") != password:
        raise UsageError("两次输入的密码不一致，未作任何改动。")
    return password


def _revoke(args: argparse.Namespace, out: TextIO) -> int:
    from lawgov_desktop.core.server_admin import ServerAdmin

    with ServerAdmin(server_address(args)) as admin:
        admin.revoke(args.user)
    out.write(f"已取消“{args.user}”在本数据库的角色和辖区（登录账号保留，可用 DROP ROLE 删除）。\n")
    return 0


def _users(args: argparse.Namespace, out: TextIO) -> int:
    from lawgov_desktop.core.server_admin import ROLE_LABELS, ServerAdmin

    with ServerAdmin(server_address(args)) as admin:
        users = admin.users()
    if args.json:
        write_json(out, [user.to_json() for user in users])
        return 0
    rows = [[user.name, ROLE_LABELS.get(user.role, "（无角色）"), "是" if user.can_login else "否",
             "、".join(user.regions) or ("全部" if user.role == "admin" else "")] for user in users]
    out.write("\n".join(format_table(("用户", "角色", "可登录", "辖区"), rows)) + f"\n共 {len(users)} 个用户\n")
    return 0
