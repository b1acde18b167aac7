<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="137"/>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="138"/>
        <source>&lt;h3&gt;LawGov Desktop %1&lt;/h3&gt;&lt;p&gt;The city&apos;s administrative licence list and delegated enforcement powers, kept offline.&lt;/p&gt;&lt;p&gt;Database: %2%3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LawGov 清单管理 %1&lt;/h3&gt;&lt;p&gt;离线管理全市行政许可事项清单与镇街赋权执法事项。&lt;/p&gt;&lt;p&gt;数据库：%2%3&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="141"/>
        <source>About LawGov Desktop</source>
        <translation>关于 LawGov 清单管理</translation>
    </message>
</context>
<context>
    <name>AffectedDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/affected_view.py" line="59"/>
        <source>Department / item</source>
        <translation>部门 / 事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/affected_view.py" line="59"/>
        <source>List</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/affected_view.py" line="59"/>
        <source>Code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/affected_view.py" line="60"/>
        <source>Cited in</source>
        <translation>引用所在</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/affected_view.py" line="60"/>
        <source>Cited provisions</source>
        <translation>引用条款</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/affected_view.py" line="75"/>
        <source>Save as a saved filter</source>
        <translation>保存为常用筛选</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/affected_view.py" line="78"/>
        <source>Show in licence items</source>
        <translation>在许可事项中显示</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/affected_view.py" line="80"/>
        <source>Show in powers</source>
        <translation>在执法事项中显示</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/affected_view.py" line="82"/>
        <source>Export workbook…</source>
        <translation>导出工作簿…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/affected_view.py" line="83"/>
        <source>Export PDF…</source>
        <translation>导出PDF…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/affected_view.py" line="87"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/affected_view.py" line="103"/>
        <source>Save filter</source>
        <translation>保存筛选</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/affected_view.py" line="104"/>
        <source>Saved the filter %1</source>
        <translation>已保存常用筛选“%1”</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/affected_view.py" line="110"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/affected_view.py" line="110"/>
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/affected_view.py" line="111"/>
        <source>Export the affected items</source>
        <translation>导出受影响事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/affected_view.py" line="125"/>
        <source>Exporting the affected items</source>
        <translation>正在导出受影响事项</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="39"/>
        <source>Sound</source>
        <translation>完好</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="39"/>
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="40"/>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="74"/>
        <source>Backups and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="78"/>
        <source>Open backup folder</source>
        <translation>打开备份文件夹</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="83"/>
        <source>A backup is made automatically before every import, bulk change and merge, once a day, and when the window closes. Restoring first backs up the current data, so a restore can itself be taken back.</source>
        <translation>每次导入、批量修改和合并部门之前，每天一次，以及关闭窗口时，程序都会自动备份。恢复备份前会先备份当前数据，所以恢复之后仍可找回原来的数据。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="94"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="95"/>
        <source>Back up to another place…</source>
        <translation>备份到其他位置…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="96"/>
        <source>Restore selected backup…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="97"/>
        <source>Restore from a file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="99"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="120"/>
        <source>Backups are kept in %1 (the newest %2).</source>
        <translation>备份保存在：%1（保留最近 %2 份）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="145"/>
        <source>Back up to another place</source>
        <translation>备份到其他位置</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="152"/>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="156"/>
        <source>Backup saved: %1</source>
        <translation>备份已保存：%1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="167"/>
        <source>Restore from a file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="168"/>
        <source>LawGov database (*.sqlite3 *.db);;All files (*)</source>
        <translation>LawGov 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="178"/>
        <source>Replace the current data with the backup %1?

The current data is backed up automatically first, so it can be restored again.</source>
        <translation>用备份 %1 替换当前数据吗？

当前数据会先自动备份，以后仍可恢复。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="180"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="187"/>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="191"/>
        <source>Backup restored.</source>
        <translation>已恢复备份。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="193"/>
        <source>The data it replaced was saved as %1.</source>
        <translation>被替换的数据已另存为 %1。</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="200"/>
        <source>Print every department&apos;s list</source>
        <translation>批量打印/导出各部门清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="202"/>
        <source>Licence lists (行政许可事项清单)</source>
        <translation>行政许可事项清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="205"/>
        <source>Responsibility lists (权责清单): by power type, sub-items under their item</source>
        <translation>权责清单（按权力类型分部分，子项列在事项下）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="211"/>
        <source>One PDF file per department, into a folder</source>
        <translation>每个部门一个 PDF 文件，保存到一个文件夹</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="213"/>
        <source>One PDF with a section per department and a table of contents</source>
        <translation>合成一个 PDF：按部门分节，带目录</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="215"/>
        <source>One Word document, each department from a new page under its heading</source>
        <translation>一个 Word 文档，每个部门另起一页、有自己的标题</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="222"/>
        <source>The title of the book or document; each department&apos;s list keeps its own</source>
        <translation>整份文件的标题；各部门清单保留各自的标题</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="249"/>
        <source>automatic, e.g. 汕尾市权责清单</source>
        <translation>自动生成，如：汕尾市权责清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="252"/>
        <source>none printed, e.g. 2024年版</source>
        <translation>不填则不印版本，如：2024年版</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="254"/>
        <source>Only the powers the power list is filtered to</source>
        <translation>只含赋权事项列表当前筛选出的事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="255"/>
        <source>Only the items the licence list is filtered to</source>
        <translation>只含许可事项列表当前筛选出的事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="250"/>
        <source>automatic, e.g. 汕尾市行政许可事项清单（2022年版）</source>
        <translation>自动，如：汕尾市行政许可事项清单（2022年版）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="253"/>
        <source>automatic, from the items&apos; list version</source>
        <translation>自动，取事项的清单版本</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="238"/>
        <source>Generate…</source>
        <translation>生成…</translation>
    </message>
</context>
<context>
    <name>BreakdownPanel</name>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="220"/>
        <source>Click to open these %1 records</source>
        <translation>单击打开这 %1 项的列表</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="221"/>
        <source>No list can show these records</source>
        <translation>此项没有可打开的列表</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="210"/>
        <source>Change %1 records</source>
        <translation>批量修改 %1 项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="220"/>
        <source>Field:</source>
        <translation>字段：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="221"/>
        <source>New value:</source>
        <translation>新值：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="240"/>
        <source>Change %1 of %2 %3</source>
        <translation>批量修改 %2 项%3的“%1”</translation>
    </message>
</context>
<context>
    <name>CatalogueOptionsDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="167"/>
        <source>Printed list</source>
        <translation>打印清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="168"/>
        <source>%1 items in the list</source>
        <translation>清单共 %1 项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="171"/>
        <source>no version printed</source>
        <translation>不印版本</translation>
    </message>
</context>
<context>
    <name>CellEditing</name>
    <message>
        <location filename="../../lawgov_desktop/ui/cell_editing.py" line="183"/>
        <source>This column is changed in the record form, not by filling down.</source>
        <translation>这一列要在记录表单中修改，不能向下填充。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/cell_editing.py" line="187"/>
        <source>Select the rows to fill: the first row&apos;s value goes into the others.</source>
        <translation>请选中要填充的几行：第一行的值会填入其余各行。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/cell_editing.py" line="213"/>
        <source>Change %1</source>
        <translation>修改%1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/cell_editing.py" line="213"/>
        <source>Change %1 of %2 records</source>
        <translation>修改 %2 项记录的%1</translation>
    </message>
</context>
<context>
    <name>Column</name>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="219"/>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="235"/>
        <source>Sub-items</source>
        <translation>子项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="231"/>
        <source>Receiving townships</source>
        <translation>承接主体</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="232"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="248"/>
        <source>Licence items</source>
        <translation>许可事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="249"/>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="269"/>
        <source>Powers</source>
        <translation>执法事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="42"/>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="95"/>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="277"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="43"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="44"/>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="45"/>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="99"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="46"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/backups_dialog.py" line="47"/>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="278"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="279"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="280"/>
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="281"/>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="282"/>
        <source>Inserted</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="283"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="284"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="285"/>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="96"/>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="286"/>
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="97"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="98"/>
        <source>Record kind</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="100"/>
        <source>What changed</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="287"/>
        <source>Undone at</source>
        <translation>撤销时间</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="294"/>
        <source>Sub-item</source>
        <translation>子项名称</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="114"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="115"/>
        <source>Export workbook…</source>
        <translation>导出工作簿…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="116"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="118"/>
        <source>Old list:</source>
        <translation>原清单：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="121"/>
        <source>New list:</source>
        <translation>新清单：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="129"/>
        <source>Choose the old and the new list, then press Compare. A workbook is compared as it would be imported, without importing it.</source>
        <translation>选择原清单和新清单，然后点“比较”。工作簿按导入时的方式读取和比较，但不会导入。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="135"/>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="217"/>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="227"/>
        <source>Licence items</source>
        <translation>许可事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="136"/>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="217"/>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="228"/>
        <source>Powers</source>
        <translation>赋权事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="148"/>
        <source>Item name</source>
        <translation>事项名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="148"/>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="259"/>
        <source>Department</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="148"/>
        <source>Code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="148"/>
        <source>What changed</source>
        <translation>调整内容</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="148"/>
        <source>Before</source>
        <translation>调整前</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="149"/>
        <source>After</source>
        <translation>调整后</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="181"/>
        <source>Choose two different lists to compare.</source>
        <translation>请选择两份不同的清单进行比较。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="191"/>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="195"/>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="198"/>
        <source>Comparing the lists</source>
        <translation>正在比较清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="233"/>
        <source>The two lists agree in every compared field.</source>
        <translation>两份清单在比较的字段上完全一致。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="261"/>
        <source>Receiving townships</source>
        <translation>承接主体</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="271"/>
        <source>%1 fields</source>
        <translation>%1 个字段</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="290"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="290"/>
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="291"/>
        <source>Export the comparison</source>
        <translation>导出清单调整对照表</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="299"/>
        <source>Writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="306"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="310"/>
        <source>Exporting the comparison</source>
        <translation>正在导出清单调整对照表</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/conflict_dialog.py" line="76"/>
        <source>Record deleted by someone else</source>
        <translation>他人已删除此记录</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/conflict_dialog.py" line="77"/>
        <source>Your values (copy what you want to keep):</source>
        <translation>您填写的内容（可复制保留）：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/conflict_dialog.py" line="83"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/conflict_dialog.py" line="89"/>
        <source>Changed by someone else meanwhile</source>
        <translation>他人已修改此记录</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/conflict_dialog.py" line="92"/>
        <source>Keep all mine</source>
        <translation>全部保留我的</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/conflict_dialog.py" line="94"/>
        <source>Take all theirs</source>
        <translation>全部采用他人的</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/conflict_dialog.py" line="107"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/conflict_dialog.py" line="107"/>
        <source>Their value</source>
        <translation>他人的值</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/conflict_dialog.py" line="107"/>
        <source>Your value</source>
        <translation>您的值</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/conflict_dialog.py" line="108"/>
        <source>Keep</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/conflict_dialog.py" line="108"/>
        <source>Merged value</source>
        <translation>合并后的值</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/conflict_dialog.py" line="117"/>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/conflict_dialog.py" line="118"/>
        <source>Take theirs</source>
        <translation>采用他人的</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/conflict_dialog.py" line="119"/>
        <source>Merge by hand</source>
        <translation>手动合并</translation>
    </message>
</context>
<context>
    <name>DataSafety</name>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="81"/>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="82"/>
        <source>&lt;p&gt;The database file &lt;b&gt;%1&lt;/b&gt; is damaged. To protect your data the program has not changed it, and the damaged file is kept.&lt;/p&gt;</source>
        <translation>&lt;p&gt;数据库文件 &lt;b&gt;%1&lt;/b&gt; 已损坏。为保护数据，程序没有对它作任何改动，损坏的文件会保留下来。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="86"/>
        <source>&lt;p&gt;Newest good backup: &lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;%3&lt;/p&gt;&lt;p&gt;Restoring it replaces the damaged data; the damaged file is saved beside the backups first.&lt;/p&gt;</source>
        <translation>&lt;p&gt;最新的完好备份：&lt;b&gt;%1&lt;/b&gt;（%2）&lt;br&gt;%3&lt;/p&gt;&lt;p&gt;恢复这份备份会替换损坏的数据；恢复前，损坏的文件会先另存到备份文件夹中。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="91"/>
        <source>&lt;p&gt;No good backup was found. Open the file read-only to copy out what can still be read, and ask your IT support for help.&lt;/p&gt;</source>
        <translation>&lt;p&gt;没有找到完好的备份。可以以只读方式打开，导出仍能读出的内容，并请技术人员帮助处理。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="95"/>
        <source>Restore the newest good backup</source>
        <translation>恢复最新的完好备份</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="97"/>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="98"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>DatabaseWorker</name>
    <message>
        <location filename="../../lawgov_desktop/ui/tasks.py" line="161"/>
        <source>Working</source>
        <translation>正在处理</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/tasks.py" line="169"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../lawgov_desktop/ui/detail.py" line="62"/>
        <location filename="../../lawgov_desktop/ui/detail.py" line="112"/>
        <source>Sub-items</source>
        <translation>子项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/detail.py" line="112"/>
        <source>Delegated to</source>
        <translation>赋权承接</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/detail.py" line="114"/>
        <source>Add sub-item</source>
        <translation>添加子项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/detail.py" line="114"/>
        <source>Add delegation</source>
        <translation>添加承接镇街</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/detail.py" line="115"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/detail.py" line="116"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/detail.py" line="144"/>
        <source>Select a row to see it in full.</source>
        <translation>选择一行查看详细内容。</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <location filename="../../lawgov_desktop/ui/editing.py" line="48"/>
        <source>Delete %1 “%2”?</source>
        <translation>确定删除%1“%2”吗？</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/editing.py" line="50"/>
        <source>Delete %1 records (%2)?</source>
        <translation>确定删除 %1 项%2吗？</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/editing.py" line="54"/>
        <source>Also deleted with it: %1</source>
        <translation>将一并删除：%1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/editing.py" line="55"/>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>删除后可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/editing.py" line="56"/>
        <location filename="../../lawgov_desktop/ui/editing.py" line="78"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/editing.py" line="65"/>
        <source>Delete %1 %2</source>
        <translation>删除 %1 项%2</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/editing.py" line="75"/>
        <source>Delete it anyway, as it is now?</source>
        <translation>仍要删除它（按现在的内容）吗？</translation>
    </message>
</context>
<context>
    <name>ExportScopeDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="289"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="290"/>
        <source>The current view (%1 records)</source>
        <translation>当前视图（%1 条）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="292"/>
        <source>The whole list (%1 records)</source>
        <translation>整个清单（%1 条）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="295"/>
        <source>Licence items get a sheet per part, powers a sheet per batch; the workbook can be imported again.</source>
        <translation>许可事项每个部分一个工作表，赋权事项每个批次一个工作表；导出的工作簿可以再导入。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="302"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>Facet</name>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="32"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="33"/>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="34"/>
        <location filename="../../lawgov_desktop/ui/facets.py" line="35"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="36"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="37"/>
        <source>Power type</source>
        <translation>职权类型</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="38"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="39"/>
        <source>Receiving region</source>
        <translation>承接区划</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="40"/>
        <source>Law cited</source>
        <translation>依据法律</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="230"/>
        <source>%1: all</source>
        <translation>%1：全部</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="232"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="233"/>
        <source>%1: %2 selected</source>
        <translation>%1：已选 %2 项</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="59"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="60"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="61"/>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="62"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="63"/>
        <source>Import undone</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="67"/>
        <source>Reverted</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="73"/>
        <source>Sub-items</source>
        <translation>子项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="74"/>
        <source>Delegated to</source>
        <translation>承接主体</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="178"/>
        <source>Change history</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="187"/>
        <source>Search what changed or who…</source>
        <translation>搜索修改内容或修改人…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="200"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="204"/>
        <source>User:</source>
        <translation>操作人：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="204"/>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="205"/>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="205"/>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="206"/>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="214"/>
        <source>Show all records</source>
        <translation>显示全部记录</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="232"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="232"/>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="232"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="241"/>
        <source>Revert this change…</source>
        <translation>撤销这次修改…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="259"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="276"/>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="326"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="288"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="315"/>
        <source>Changes of %1 “%2”</source>
        <translation>%1“%2”的修改记录</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="318"/>
        <source>Changes of all records</source>
        <translation>全部记录的修改记录</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="360"/>
        <source>%1 changes</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="382"/>
        <source>No. %1 (deleted)</source>
        <translation>编号 %1（已删除）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="389"/>
        <source>No change matches.</source>
        <translation>没有符合条件的修改记录。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="419"/>
        <source>Revert this change?

%1

The revert is recorded in the history too and can be undone with Ctrl+Z.</source>
        <translation>撤销这次修改吗？

%1

撤销本身也会记入修改记录，可以用 Ctrl+Z 取消撤销。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="421"/>
        <source>Revert change</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/history_view.py" line="425"/>
        <source>Revert: %1</source>
        <translation>撤销：%1</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="122"/>
        <source>skipped: the sheet is empty</source>
        <translation>已跳过：空白工作表</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="124"/>
        <source>skipped: another sheet was chosen</source>
        <translation>已跳过：选择了其他工作表</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="128"/>
        <source>skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="226"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="265"/>
        <source>Import workbook</source>
        <translation>导入工作簿</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="280"/>
        <source>1 File</source>
        <translation>1 选择文件</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="280"/>
        <source>2 Sheets and columns</source>
        <translation>2 工作表与列</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="281"/>
        <source>3 Preview</source>
        <translation>3 预览</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="281"/>
        <source>4 Import</source>
        <translation>4 导入</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="281"/>
        <source>5 Done</source>
        <translation>5 完成</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="303"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="304"/>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="549"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="305"/>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="551"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="323"/>
        <source>Choose the workbook a county or department sent (Excel .xlsx/.xlsm/.xls, WPS/LibreOffice .ods, or .csv), or drop it on this window.
Nothing is written to the database until you press Import on the preview.</source>
        <translation>请选择县区或部门报送的工作簿（Excel 的 .xlsx/.xlsm/.xls、WPS/LibreOffice 的 .ods，或 .csv），也可以直接拖到本窗口。
在预览页按“导入”之前，不会向数据库写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="330"/>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="333"/>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="334"/>
        <source>Drop a workbook here</source>
        <translation>把工作簿拖到这里</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="352"/>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="652"/>
        <source>Detect from the headers</source>
        <translation>按表头自动识别</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="107"/>
        <source>%1 list</source>
        <translation>%1清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="119"/>
        <source>header in row %1, %2</source>
        <translation>表头在第 %1 行，%2</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="126"/>
        <source>skipped: looks like a %1, not the same kind</source>
        <translation>已跳过：看起来是%1，与所选清单类型不同</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="112"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="113"/>
        <source> (plus %n sub-item(s))</source>
        <translation>
            <numerusform>（另子项 %n 项）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="362"/>
        <source>Save mapping as template…</source>
        <translation>将列对应保存为模板…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="369"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="369"/>
        <source>Header in the workbook</source>
        <translation>工作簿中的表头</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="370"/>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="370"/>
        <source>First values in the column</source>
        <translation>列中的前几个值</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="378"/>
        <source>List kind:</source>
        <translation>清单类型：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="380"/>
        <source>Sheets to import:</source>
        <translation>导入的工作表：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="382"/>
        <source>Mapping template:</source>
        <translation>映射模板：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="389"/>
        <source>Sheets in the workbook:</source>
        <translation>工作簿中的工作表：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="392"/>
        <source>Columns: check what each column is imported as; “Not imported” leaves a column out.</source>
        <translation>各列对应的字段：请逐列核对；选“不导入”则忽略该列。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="401"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="401"/>
        <source>Append</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="401"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="409"/>
        <source>Strict: import nothing if any row is rejected, and create no unknown names</source>
        <translation>严格模式：有任何一行被拒绝就整个文件都不导入，也不新建未知的名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="420"/>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="420"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="420"/>
        <source>Changed</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="421"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="421"/>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="427"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="446"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="446"/>
        <source>Name in the workbook</source>
        <translation>工作簿中的名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="447"/>
        <source>Rows</source>
        <translation>涉及行</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="447"/>
        <source>What to do</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="469"/>
        <source>Importing… A backup of the database is made first; the import is written in one step, so Cancel leaves the database as it was.</source>
        <translation>正在导入…… 导入前先自动备份数据库；导入在一次事务中完成，按“取消导入”数据库保持原样。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="475"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="491"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="491"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="491"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="495"/>
        <source>Export rejected rows…</source>
        <translation>导出被拒绝的行…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="496"/>
        <source>A workbook with the rejected rows as they were in the file and the reason beside each, for the sender to correct and send back.</source>
        <translation>把被拒绝的行按原样连同拒绝原因导出为工作簿，交报送单位修改后重新报送。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="549"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="551"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="583"/>
        <source>Choose a workbook to import</source>
        <translation>选择要导入的工作簿</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="590"/>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="1132"/>
        <source>“%1” is not a workbook the program can import. Choose an Excel (.xlsx, .xlsm, .xls), .ods or .csv file.</source>
        <translation>“%1”不是可以导入的工作簿。请选择 Excel（.xlsx、.xlsm、.xls）、.ods 或 .csv 文件。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="627"/>
        <source>
Set what each column is imported as, below.</source>
        <translation>
请在下表中指定各列对应的字段。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="654"/>
        <source>Detect from the headers: %1</source>
        <translation>按表头自动识别：%1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="658"/>
        <source>Every sheet with a recognisable header</source>
        <translation>所有能识别表头的工作表</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="671"/>
        <source>None (detect from the headers)</source>
        <translation>不使用模板（按表头自动识别）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="682"/>
        <source>Using the template “%1” saved for these headers.</source>
        <translation>已套用为相同表头保存的模板“%1”。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="684"/>
        <source>%n template(s) saved for these headers.</source>
        <translation>
            <numerusform>有 %n 个为相同表头保存的模板。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="699"/>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="701"/>
        <source> (required)</source>
        <translation>（必填）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="704"/>
        <source>Kept as an extra field “%1”</source>
        <translation>保留为附加字段“%1”</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="761"/>
        <source>Save mapping as template</source>
        <translation>保存映射模板</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="762"/>
        <source>Name of the template (e.g. the county that sends this layout):</source>
        <translation>模板名称（例如报送这种格式的县区）：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="782"/>
        <source>Save mapping template</source>
        <translation>保存映射模板</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="794"/>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="992"/>
        <source>Warnings (%1)</source>
        <translation>提示（%1）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="797"/>
        <source>Names to settle (%1)</source>
        <translation>需要确认的名称（%1）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="807"/>
        <source>New %1 / Changed %2 / Unchanged %3 / Rejected %4</source>
        <translation>新增 %1 / 更新 %2 / 未变 %3 / 拒绝 %4</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="816"/>
        <source>Sheet “%1”, row %2</source>
        <translation>工作表“%1”第 %2 行</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="820"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="820"/>
        <source>Township</source>
        <translation>镇街</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="820"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="808"/>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="828"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="679"/>
        <source>The columns are set as you set them by hand last time for a file with these headers. To detect them from the headers instead, choose “None (detect from the headers)”.</source>
        <translation>各列已按上次为相同表头的文件手工设置的方式对应；如要改回按表头自动识别，请选择“不使用模板（按表头自动识别）”。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="837"/>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="841"/>
        <source>Same as existing: %1</source>
        <translation>对应到已有：%1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="844"/>
        <source>Create as “%1”</source>
        <translation>新建为“%1”</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="845"/>
        <source>Same as another existing one…</source>
        <translation>对应到其他已有记录…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="846"/>
        <source>Create under another name…</source>
        <translation>以其他名称新建…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="885"/>
        <source>Create under another name</source>
        <translation>以其他名称新建</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="886"/>
        <source>Create “%1” under this name instead (e.g. the full name):</source>
        <translation>不按“%1”新建，改用这个名称（例如全称）：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="916"/>
        <source>Merge: records already in the list (same code, or same name and department) get the changed fields; new ones are added. Recommended.</source>
        <translation>合并（推荐）：清单中已有的事项（编码相同，或名称和部门相同）只更新有变化的字段，新事项新增。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="918"/>
        <source>Append: only adds records; rows that match a record already in the list are rejected and nothing existing changes.</source>
        <translation>追加：只新增事项；与清单中已有事项相同的行被拒绝，已有事项不作任何修改。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="920"/>
        <source>Replace: first removes the records of the parts (licence lists) or batches (power lists) this file contains, then adds the file&apos;s records.</source>
        <translation>替换：先删除本文件所含部分（许可清单）或批次（赋权清单）的现有事项，再按本文件新增。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="946"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="957"/>
        <source>Remember the column mapping</source>
        <translation>记住列对应关系</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="966"/>
        <source>The columns as you set them are used again for the next file with the same headers.</source>
        <translation>已记住本次手工设置的列对应关系，下次导入相同表头的文件时自动套用。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="972"/>
        <source>The import was cancelled; the database was not changed.</source>
        <translation>已取消导入，数据库未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="978"/>
        <source>Imported “%1”</source>
        <translation>已导入“%1”</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="981"/>
        <source>The lists show the imported records now. The import is in Import history, where it can be undone.</source>
        <translation>各清单已显示导入的记录。本次导入已记入“导入记录”，可在那里撤销。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="991"/>
        <source>Rejected rows (%1)</source>
        <translation>被拒绝的行（%1）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="1000"/>
        <source>%1 - rejected rows.xlsx</source>
        <translation>%1-被拒绝的行.xlsx</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="1001"/>
        <source>Export rejected rows</source>
        <translation>导出被拒绝的行</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="1001"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="1016"/>
        <source>Rejected rows written to %1</source>
        <translation>被拒绝的行已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="1024"/>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="1129"/>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="1146"/>
        <source>The database is open read-only.</source>
        <translation>数据库以只读方式打开，不能修改。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="1053"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="1148"/>
        <source>Undo the import of “%1”?

Records it added are removed and records it changed get their earlier values back. A backup is made first.</source>
        <translation>撤销“%1”的导入吗？

这次导入新增的记录将被删除，修改过的记录恢复原值。撤销前会先备份数据库。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="1150"/>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="1153"/>
        <source>Undoing the import</source>
        <translation>正在撤销导入</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../lawgov_desktop/ui/jobs.py" line="48"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/jobs.py" line="62"/>
        <source>Writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/jobs.py" line="65"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="41"/>
        <source>licence item</source>
        <translation>许可事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="42"/>
        <source>sub-item</source>
        <translation>子项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="43"/>
        <source>enforcement power</source>
        <translation>执法事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="44"/>
        <source>delegation</source>
        <translation>赋权承接</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="45"/>
        <source>department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="46"/>
        <source>region</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="47"/>
        <source>batch</source>
        <translation>批次</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <location filename="../../lawgov_desktop/ui/app.py" line="115"/>
        <source>Creating the database…</source>
        <translation>正在创建数据库…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/app.py" line="172"/>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
</context>
<context>
    <name>LawDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="316"/>
        <source>Law: %1</source>
        <translation>法律法规：%1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="331"/>
        <source>One per line, e.g. 食品安全法</source>
        <translation>每行一个，例如：食品安全法</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="334"/>
        <source>One per line: the date, then what changed, e.g. 2021-04-29 第二次修正</source>
        <translation>每行一条：先写日期，再写修改情况，例如：2021-04-29 第二次修正</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="343"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="343"/>
        <source>Status</source>
        <translation>时效性</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="344"/>
        <source>Level</source>
        <translation>效力级别</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="344"/>
        <source>Issuing body</source>
        <translation>制定机关</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="345"/>
        <source>Promulgated</source>
        <translation>公布日期</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="345"/>
        <source>Effective</source>
        <translation>施行日期</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="346"/>
        <source>Short titles</source>
        <translation>简称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="346"/>
        <source>Amendments</source>
        <translation>修改情况</translation>
    </message>
</context>
<context>
    <name>LawsView</name>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="98"/>
        <source>Search titles and short titles…</source>
        <translation>搜索标题、简称…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="109"/>
        <source>All statuses</source>
        <translation>全部时效性</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="113"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="114"/>
        <source>Affected items…</source>
        <translation>受影响事项…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="115"/>
        <source>Every licence item and power citing the law, by department</source>
        <translation>引用该法律法规的全部许可事项和执法事项，按部门列出</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="116"/>
        <source>Import a list of laws…</source>
        <translation>导入法律法规目录…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="117"/>
        <source>A workbook or CSV with the columns 标题, 制定机关, 法律性质, 时效性, 公布日期, 施行日期</source>
        <translation>含标题、制定机关、法律性质、时效性、公布日期、施行日期等列的工作簿或 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="128"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="128"/>
        <source>Short titles</source>
        <translation>简称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="128"/>
        <source>Level</source>
        <translation>效力级别</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="129"/>
        <source>Issuing body</source>
        <translation>制定机关</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="129"/>
        <source>Promulgated</source>
        <translation>公布日期</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="129"/>
        <source>Effective</source>
        <translation>施行日期</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="130"/>
        <source>Status</source>
        <translation>时效性</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="130"/>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="135"/>
        <source>Cited by</source>
        <translation>引用事项数</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="135"/>
        <source>Cited title</source>
        <translation>引用标题</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="135"/>
        <source>Closest titles</source>
        <translation>最接近的标题</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="137"/>
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="137"/>
        <source>Name</source>
        <translation>事项名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="137"/>
        <source>Field</source>
        <translation>所在栏目</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="137"/>
        <source>Text</source>
        <translation>未能识别的内容</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="175"/>
        <source>%1 laws in the library, %2 of them from a catalogue; the lists cite laws %3 times, %4 of them resolved to a catalogued law; %5 legal-basis texts cite no law.</source>
        <translation>法律法规库中有 %1 部法律法规，其中 %2 部来自法律法规目录；清单引用法律法规 %3 处，其中 %4 处已匹配目录中的法律法规；%5 段依据文字未能识别出法律法规。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="165"/>
        <source>Laws</source>
        <translation>法律法规</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="168"/>
        <source>Showing %1 laws</source>
        <translation>显示 %1 部法律法规</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="181"/>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="205"/>
        <source>Titles matching no law</source>
        <translation>未匹配法律法规库的引用标题</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="182"/>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="199"/>
        <source>Legal bases citing no law</source>
        <translation>未能识别的依据</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="192"/>
        <source>Finding the closest titles</source>
        <translation>正在查找最接近的标题</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="244"/>
        <source>Saved %1</source>
        <translation>已保存“%1”</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="253"/>
        <source>Saving the law</source>
        <translation>正在保存法律法规</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="257"/>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="285"/>
        <source>Import a list of laws</source>
        <translation>导入法律法规目录</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="264"/>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="271"/>
        <source>Importing the list of laws</source>
        <translation>正在导入法律法规目录</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="276"/>
        <source>%1 laws added, %2 updated; %3 titles cited in the lists were recognised as laws of the list.</source>
        <translation>新增 %1 部法律法规，更新 %2 部；清单中引用的 %3 个标题已识别为目录中的法律法规。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="281"/>
        <source> %1 laws the lists cite are now amended, repealed or not yet in force: %2. Select one and press Affected items… to see the items citing it.</source>
        <translation>清单引用的 %1 部法律法规现已被修改、废止或尚未生效：%2。选中后点击“受影响事项…”查看引用它的事项。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/laws_view.py" line="299"/>
        <source>Finding the affected items</source>
        <translation>正在查找受影响事项</translation>
    </message>
</context>
<context>
    <name>LayoutOptions</name>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="68"/>
        <source>e.g. 附件1 (leave empty for none)</source>
        <translation>如：附件1（留空则不印）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="73"/>
        <source>None (the final list)</source>
        <translation>无（正式清单）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="76"/>
        <source>Other text:</source>
        <translation>其他文字：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="79"/>
        <source>your own text, e.g. 送审稿</source>
        <translation>自拟文字，如 送审稿</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="85"/>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="87"/>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="108"/>
        <source>Font: %1 (change it in Preferences)</source>
        <translation>字体：%1（可在“首选项”中更改）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="109"/>
        <source>a Chinese font of this computer</source>
        <translation>本机的中文字体</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="116"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="117"/>
        <source>Attachment label:</source>
        <translation>附件编号：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="118"/>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="119"/>
        <source>Draft mark:</source>
        <translation>水印：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="120"/>
        <source>Orientation:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_options.py" line="121"/>
        <source>Columns:</source>
        <translation>列：</translation>
    </message>
</context>
<context>
    <name>LicenceCheckView</name>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="39"/>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="40"/>
        <source>Export workbook…</source>
        <translation>导出工作簿…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="43"/>
        <source>List:</source>
        <translation>清单：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="50"/>
        <source>Nothing outside the licence catalogue may be licensed. The check compares the administrative licences (行政许可) in each department&apos;s list of powers and responsibilities with the department&apos;s items in the licence catalogue: the names must be the same. Press Check.</source>
        <translation>清单之外不得实施许可。本页核对各部门权责清单中的行政许可与许可事项清单中本部门的事项：名称须完全一致。请点击“核对”。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="53"/>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="56"/>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="58"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="53"/>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="56"/>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="58"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="54"/>
        <source>Name in the responsibility list</source>
        <translation>权责清单中的事项名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="54"/>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="57"/>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="59"/>
        <source>Code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="55"/>
        <source>Closest catalogue items</source>
        <translation>相近的许可事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="56"/>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="58"/>
        <source>Catalogue item</source>
        <translation>许可事项名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="57"/>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="59"/>
        <source>Closest responsibility list items</source>
        <translation>相近的权责清单事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="76"/>
        <source>Licences outside the catalogue</source>
        <translation>清单外的许可</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="77"/>
        <source>Catalogue items no responsibility list has</source>
        <translation>未列入权责清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="78"/>
        <source>Departments without a responsibility list</source>
        <translation>部门未导入权责清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="88"/>
        <source>Checking the licences</source>
        <translation>正在核对许可清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="99"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 administrative licences in the responsibility lists, %3 items in the licence catalogue; %4 licences outside the catalogue, %5 catalogue items no responsibility list has.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：权责清单中的行政许可 %2 项，许可清单 %3 项；清单外的许可 %4 项，清单内未列入权责清单 %5 项。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="106"/>
        <source> %1 more items belong to departments whose responsibility list is not imported.</source>
        <translation>另有 %1 项许可事项所属部门未导入权责清单。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="120"/>
        <source>Export the licence check</source>
        <translation>导出许可清单核对结果</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="122"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/licence_check_view.py" line="131"/>
        <source>Exporting the licence check</source>
        <translation>正在导出许可清单核对结果</translation>
    </message>
</context>
<context>
    <name>ListView</name>
    <message>
        <location filename="../../lawgov_desktop/ui/list_view.py" line="84"/>
        <source>Search names, codes, departments, legal bases… (Ctrl+F)</source>
        <translation>搜索名称、编码、部门、依据…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/list_view.py" line="87"/>
        <source>Type 依据：食品安全法 (and an article: 依据：食品安全法 第三十五条) for the records citing a law</source>
        <translation>输入“依据：食品安全法”（可加条款，如“依据：食品安全法 第三十五条”）查找引用该法律法规的事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/list_view.py" line="97"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/list_view.py" line="100"/>
        <source>Saved filters</source>
        <translation>常用筛选</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/list_view.py" line="294"/>
        <source>Save current filter…</source>
        <translation>保存当前筛选…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/list_view.py" line="303"/>
        <source>Delete saved filter</source>
        <translation>删除常用筛选</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/list_view.py" line="312"/>
        <location filename="../../lawgov_desktop/ui/list_view.py" line="316"/>
        <source>Save filter</source>
        <translation>保存筛选</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/list_view.py" line="312"/>
        <source>Name of the filter:</source>
        <translation>筛选名称：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/list_view.py" line="340"/>
        <source>Showing %1 of %2</source>
        <translation>显示 %1 项 / 共 %2 项</translation>
    </message>
</context>
<context>
    <name>LiveChanges</name>
    <message>
        <location filename="../../lawgov_desktop/ui/live_changes.py" line="89"/>
        <source>Refreshed: %1 changed %2</source>
        <translation>已刷新：%1 修改了%2</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/live_changes.py" line="90"/>
        <source>the lists</source>
        <translation>清单</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="69"/>
        <source> [read-only]</source>
        <translation>［只读］</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="71"/>
        <source>LawGov Desktop — %1</source>
        <translation>LawGov 清单管理 — %1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="138"/>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="139"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="142"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="143"/>
        <source>&amp;New record…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="145"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="147"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="150"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="151"/>
        <source>Copy &amp;with header</source>
        <translation>复制(含表头)(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="153"/>
        <source>Pa&amp;ste</source>
        <translation>粘贴(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="154"/>
        <source>&amp;Fill down</source>
        <translation>向下填充(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="156"/>
        <source>&amp;Merge departments…</source>
        <translation>合并部门(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="157"/>
        <source>&amp;Import workbook…</source>
        <translation>导入工作簿(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="160"/>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="184"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="163"/>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="188"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="170"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="149"/>
        <source>C&amp;hange selected records…</source>
        <translation>批量修改所选(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="141"/>
        <source>&amp;Connect to a server database…</source>
        <translation>连接服务器数据库(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="159"/>
        <source>Undo this &amp;import…</source>
        <translation>撤销这次导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="171"/>
        <source>Refre&amp;sh</source>
        <translation>刷新(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="174"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="176"/>
        <source>&amp;About LawGov Desktop</source>
        <translation>关于 LawGov 清单管理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="184"/>
        <source>Undo: %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="188"/>
        <source>Redo: %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="192"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="196"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="208"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="213"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="218"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="222"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lawgov_desktop/ui/main_window.py" line="381"/>
        <source>Copied %n row(s)</source>
        <translation>
            <numerusform>已复制 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="389"/>
        <source>Rows cannot be pasted into this list.</source>
        <translation>不能把行粘贴到这个清单中（可粘贴到行政许可事项、赋权执法事项和部门清单）。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="393"/>
        <source>The clipboard holds no table. Copy rows in Excel or WPS, then paste.</source>
        <translation>剪贴板里没有表格。请先在 Excel 或 WPS 中复制若干行，再粘贴。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="397"/>
        <source>Paste rows</source>
        <translation>粘贴行</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="472"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="479"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="497"/>
        <source>LawGov database (*.sqlite3 *.db);;All files (*)</source>
        <translation>LawGov 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>MergeDepartmentsDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="151"/>
        <source>Merge departments</source>
        <translation>合并部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="164"/>
        <source>The licence items and powers of the first department move to the second; the first department&apos;s name and short names become short names of the second. You can undo this with Ctrl+Z.</source>
        <translation>第一个部门的许可事项和执法事项将移到第二个部门，第一个部门的名称和简称成为第二个部门的简称。可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="169"/>
        <source>Merge this department:</source>
        <translation>将此部门：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="170"/>
        <source>into this department:</source>
        <translation>合并到：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="182"/>
        <source>Choose both departments from the list.</source>
        <translation>请从列表中选择两个部门。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="185"/>
        <source>Merge “%1” into “%2”</source>
        <translation>将“%1”合并到“%2”</translation>
    </message>
</context>
<context>
    <name>NamePicker</name>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="237"/>
        <source>Map to an existing record</source>
        <translation>对应到已有记录</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="245"/>
        <source>Treat “%1” as (type to search):</source>
        <translation>把“%1”对应到（可输入文字搜索）：</translation>
    </message>
</context>
<context>
    <name>Nav</name>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="215"/>
        <source>Licence items</source>
        <translation>许可事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="227"/>
        <source>Enforcement powers</source>
        <translation>执法事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="243"/>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="257"/>
        <source>Regions</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="265"/>
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="275"/>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/report_pages.py" line="29"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/report_pages.py" line="30"/>
        <source>List comparison</source>
        <translation>清单调整对照</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/report_pages.py" line="31"/>
        <source>Upper list check</source>
        <translation>对照上级清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/report_pages.py" line="32"/>
        <source>Licence list check</source>
        <translation>许可清单核对</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/report_pages.py" line="33"/>
        <source>Laws and regulations</source>
        <translation>法律法规</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/server_dialog.py" line="106"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/server_dialog.py" line="107"/>
        <source>The server %1 asks for the password of user “%2”.</source>
        <translation>服务器 %1 要求输入用户“%2”的密码。</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="146"/>
        <source>Action</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="146"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="147"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="147"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="148"/>
        <source>What changes</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="156"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="156"/>
        <source>Changed</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="156"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="157"/>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="159"/>
        <source>New sub-item</source>
        <translation>新增子项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="159"/>
        <source>Changed sub-item</source>
        <translation>更新子项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/import_wizard.py" line="160"/>
        <source>Unchanged sub-item</source>
        <translation>未变子项</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="50"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="56"/>
        <source>A new language takes effect when the program is started again.</source>
        <translation>更改的界面语言在重新启动程序后生效。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="59"/>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="60"/>
        <source>Font of printed lists:</source>
        <translation>打印清单的字体：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="61"/>
        <source>Backups to keep:</source>
        <translation>保留备份份数：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="62"/>
        <source>Backup folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="72"/>
        <source>Automatic (a Chinese font of this computer)</source>
        <translation>自动（本机的中文字体）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="74"/>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="103"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="82"/>
        <source>Font of printed lists</source>
        <translation>打印清单的字体</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="83"/>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="101"/>
        <source>Beside the database</source>
        <translation>数据库所在文件夹旁（默认）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="113"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="131"/>
        <source>Backup settings</source>
        <translation>备份设置</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="92"/>
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="93"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="95"/>
        <source>Export P&amp;DF…</source>
        <translation>导出 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="96"/>
        <source>Export &amp;Word…</source>
        <translation>导出 Word(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="97"/>
        <source>Export the public web pa&amp;ges…</source>
        <translation>导出公示网站(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="98"/>
        <source>Export E&amp;xcel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="99"/>
        <source>Preview the responsibility &amp;list (权责清单)…</source>
        <translation>权责清单打印预览(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="101"/>
        <source>Print or export &amp;every department&apos;s list…</source>
        <translation>批量打印/导出各部门清单(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="189"/>
        <source>Reading the list</source>
        <translation>正在读取清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="198"/>
        <source>Generating the PDF</source>
        <translation>正在生成 PDF</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="207"/>
        <location filename="../../lawgov_desktop/ui/printing.py" line="211"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="237"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="255"/>
        <source>Sent %1 pages to the printer.</source>
        <translation>已向打印机发送 %1 页。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="259"/>
        <location filename="../../lawgov_desktop/ui/printing.py" line="286"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="264"/>
        <location filename="../../lawgov_desktop/ui/printing.py" line="276"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="265"/>
        <location filename="../../lawgov_desktop/ui/printing.py" line="277"/>
        <location filename="../../lawgov_desktop/ui/printing.py" line="388"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="270"/>
        <source>Saved “%1” (%2 pages).</source>
        <translation>已保存“%1”（%2 页）。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="280"/>
        <source>Saving the PDF</source>
        <translation>正在保存 PDF</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="281"/>
        <location filename="../../lawgov_desktop/ui/printing.py" line="304"/>
        <source>Saved “%1”.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="291"/>
        <location filename="../../lawgov_desktop/ui/printing.py" line="384"/>
        <source>Save as Word document</source>
        <translation>另存为 Word 文档</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="292"/>
        <location filename="../../lawgov_desktop/ui/printing.py" line="385"/>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="301"/>
        <source>Generating the Word document</source>
        <translation>正在生成 Word 文档</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="308"/>
        <source>Folder for the public website (its pages are written into it)</source>
        <translation>选择公示网站的文件夹（网页将写入其中）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="318"/>
        <source>Wrote the website into “%1”: %2 departments, %3 items; open index.html.</source>
        <translation>已生成公示网站“%1”：%2 个部门，%3 项；打开其中的 index.html 查看。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="322"/>
        <source>Generating the website</source>
        <translation>正在生成公示网站</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="343"/>
        <source>Licence items</source>
        <translation>行政许可事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="343"/>
        <source>Delegated powers</source>
        <translation>赋权事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="344"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="345"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="360"/>
        <source>Exported “%1”: %2 sheets, %3 rows.</source>
        <translation>已导出“%1”：%2 个工作表，%3 行。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="363"/>
        <source>Exporting to Excel</source>
        <translation>正在导出 Excel</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="381"/>
        <source>Responsibility lists of every department</source>
        <translation>各部门权责清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="382"/>
        <source>Licence lists of every department</source>
        <translation>各部门行政许可事项清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="387"/>
        <source>Save the book as</source>
        <translation>合订本另存为</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="390"/>
        <source>Folder for the departments&apos; PDF files</source>
        <translation>保存各部门 PDF 文件的文件夹</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="420"/>
        <source>Wrote %1 PDF files into “%2”.</source>
        <translation>已在“%2”中生成 %1 个 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/printing.py" line="424"/>
        <source>Generating the departments&apos; lists</source>
        <translation>正在生成各部门清单</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../lawgov_desktop/ui/print_preview.py" line="158"/>
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_preview.py" line="183"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_preview.py" line="184"/>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_preview.py" line="208"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_preview.py" line="211"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_preview.py" line="215"/>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_preview.py" line="219"/>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_preview.py" line="223"/>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_preview.py" line="224"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_preview.py" line="228"/>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_preview.py" line="229"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_preview.py" line="235"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_preview.py" line="256"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 共 %2 页</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../lawgov_desktop/ui/print_preview.py" line="132"/>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/print_preview.py" line="89"/>
        <source>Printing page %1 of %2…</source>
        <translation>正在打印第 %1/%2 页…</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../lawgov_desktop/ui/prompts.py" line="27"/>
        <source>LawGov Desktop</source>
        <translation>LawGov 清单管理</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/prompts.py" line="41"/>
        <source>Unsaved changes</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/prompts.py" line="41"/>
        <source>This record has unsaved changes. Save them?</source>
        <translation>这条记录的修改尚未保存。是否保存？</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/prompts.py" line="56"/>
        <source>You can open it read-only to look things up, or quit.</source>
        <translation>可以以只读方式打开查阅，或退出。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/prompts.py" line="57"/>
        <source>Database already open</source>
        <translation>数据库已被打开</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/prompts.py" line="54"/>
        <source>The database
%1
is already open in another LawGov Desktop window.

You can open it read-only to look things up, or quit.</source>
        <translation>数据库
%1
已在另一个 LawGov 清单管理窗口中打开。

可以以只读方式打开查阅，或退出。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/prompts.py" line="58"/>
        <source>Database cannot be written here</source>
        <translation>无法在此处写入数据库</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/prompts.py" line="60"/>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/prompts.py" line="61"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="100"/>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="100"/>
        <source>New %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="248"/>
        <source>New %1 “%2”</source>
        <translation>新建%1“%2”</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="259"/>
        <source>Edit %1 “%2”</source>
        <translation>修改%1“%2”</translation>
    </message>
</context>
<context>
    <name>Reference</name>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="55"/>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="67"/>
        <source>Import an upper list</source>
        <translation>导入上级清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="56"/>
        <source>Name of the upper list (e.g. Guangdong 2022 edition):</source>
        <translation>上级清单名称（例如“广东省2022年版”）：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="64"/>
        <source>An upper list (provincial or national)</source>
        <translation>上级清单（省级或国家级）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="65"/>
        <source>Whose list is it? A county&apos;s list is checked against the city&apos;s and may not go beyond it.</source>
        <translation>这是谁的清单？县（区）的清单将对照市清单核对，不得超出市清单。</translation>
    </message>
</context>
<context>
    <name>ReferenceView</name>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="95"/>
        <source>Import an upper list…</source>
        <translation>导入上级清单…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="98"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="101"/>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="102"/>
        <source>Export workbook…</source>
        <translation>导出工作簿…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="105"/>
        <source>Upper list:</source>
        <translation>上级清单：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="110"/>
        <source>City list:</source>
        <translation>本市清单：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="117"/>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="126"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="117"/>
        <source>City item name</source>
        <translation>本市事项名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="117"/>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="121"/>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="124"/>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="126"/>
        <source>Department</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="118"/>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="127"/>
        <source>Closest upper items</source>
        <translation>相近的上级事项名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="119"/>
        <source>Upper No.</source>
        <translation>上级序号</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="119"/>
        <source>Upper item name</source>
        <translation>上级事项名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="119"/>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="121"/>
        <source>Upper department</source>
        <translation>上级主管部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="120"/>
        <source>Code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="121"/>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="122"/>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="124"/>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="126"/>
        <source>Item name</source>
        <translation>事项名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="122"/>
        <source>Implementing authority</source>
        <translation>实施机关</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="123"/>
        <source>Upper implementing authority</source>
        <translation>上级清单实施机关</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="147"/>
        <source>%1 (%2 items)</source>
        <translation>%1（%2 项）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="155"/>
        <source>No upper list yet. Import the provincial or national licence list (a workbook with 事项名称, 主管部门 …) to check the city&apos;s item names against it.</source>
        <translation>尚无上级清单。请先导入省级或国家行政许可事项清单（含“事项名称”“主管部门”等列的工作簿），再核对本市事项名称。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="162"/>
        <source>City items not in the upper list</source>
        <translation>上级清单中没有的本市事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="161"/>
        <source>Upper items the city lacks</source>
        <translation>本市缺少的上级事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="124"/>
        <source>Laws only this list cites</source>
        <translation>仅本清单引用</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="125"/>
        <source>Laws only the upper list cites</source>
        <translation>仅上级清单引用</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="160"/>
        <source>Upper items this list lacks</source>
        <translation>上级清单有而本清单没有</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="163"/>
        <source>Departments that differ</source>
        <translation>主管部门不一致</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="163"/>
        <source>Implementing authorities that differ</source>
        <translation>实施机关不一致</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="164"/>
        <source>Legal bases that differ</source>
        <translation>设定依据不一致</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="164"/>
        <source>Beyond the upper list</source>
        <translation>超出上级清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="170"/>
        <source>Upper list workbook</source>
        <translation>上级清单工作簿</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="181"/>
        <source>Import an upper list</source>
        <translation>导入上级清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="182"/>
        <source>An upper list named “%1” exists. Replace it?</source>
        <translation>已有名为“%1”的上级清单。是否替换？</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="189"/>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="194"/>
        <source>Upper list “%1” imported.</source>
        <translation>已导入上级清单“%1”。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="196"/>
        <source>Importing the upper list</source>
        <translation>正在导入上级清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="202"/>
        <source>Delete upper list</source>
        <translation>删除上级清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="203"/>
        <source>Delete the upper list “%1”? The city&apos;s lists are not touched.</source>
        <translation>删除上级清单“%1”？本市清单不受影响。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="207"/>
        <source>Deleting the upper list</source>
        <translation>正在删除上级清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="217"/>
        <source>Checking against the upper list</source>
        <translation>正在对照上级清单核对</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="241"/>
        <source>Checked %1 items of &lt;b&gt;%2&lt;/b&gt; (%3) against the list of %4, &lt;b&gt;%5&lt;/b&gt;: %6 go beyond the upper list, which a lower list may not; the upper list has %7 items this list lacks, %8 departments differ.</source>
        <translation>已将%3的清单&lt;b&gt;%2&lt;/b&gt;的 %1 项事项对照上级%4的清单&lt;b&gt;%5&lt;/b&gt;核对：%6 项超出上级清单（下级清单不得超出上级清单），上级清单有而本清单没有 %7 项，%8 项主管部门不一致。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="249"/>
        <source>Checked %1 items of &lt;b&gt;%2&lt;/b&gt; against &lt;b&gt;%3&lt;/b&gt;: %4 not in the upper list, the upper list has %5 items the city lacks, %6 departments differ.</source>
        <translation>已核对&lt;b&gt;%2&lt;/b&gt;的 %1 项事项（对照&lt;b&gt;%3&lt;/b&gt;）：%4 项在上级清单中找不到同名事项，上级清单有 %5 项本市缺少，%6 项主管部门不一致。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="255"/>
        <source> %1 implementing authorities and %2 legal bases (the laws cited) differ.</source>
        <translation>另有 %1 个实施机关和 %2 项设定依据（引用的法律法规）不一致。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="271"/>
        <source>Export the upper-list check</source>
        <translation>导出上级清单核对结果</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="273"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/reference_view.py" line="282"/>
        <source>Exporting the upper-list check</source>
        <translation>正在导出上级清单核对结果</translation>
    </message>
</context>
<context>
    <name>ReportPages</name>
    <message>
        <location filename="../../lawgov_desktop/ui/report_pages.py" line="51"/>
        <source>&amp;Save the current list as a version…</source>
        <translation>将当前清单保存为版本(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/report_pages.py" line="53"/>
        <source>&amp;Versions…</source>
        <translation>清单版本管理(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/report_pages.py" line="54"/>
        <source>S&amp;tatistics</source>
        <translation>统计(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/report_pages.py" line="55"/>
        <source>&amp;Compare lists…</source>
        <translation>清单调整对照(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/report_pages.py" line="56"/>
        <source>Check against an &amp;upper list…</source>
        <translation>对照上级清单(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/report_pages.py" line="58"/>
        <source>Check &amp;licences against the catalogue…</source>
        <translation>许可清单核对(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/report_pages.py" line="60"/>
        <source>La&amp;ws and regulations…</source>
        <translation>法律法规(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/report_pages.py" line="61"/>
        <source>&amp;List versions</source>
        <translation>清单版本(&amp;L)</translation>
    </message>
</context>
<context>
    <name>SafetyActions</name>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="122"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="123"/>
        <source>Backups and re&amp;store…</source>
        <translation>备份与恢复(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="124"/>
        <source>Change &amp;history…</source>
        <translation>修改记录(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="125"/>
        <source>Show this record&apos;s change history</source>
        <translation>查看此记录的修改记录</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="147"/>
        <source>Backup saved: %1</source>
        <translation>备份已保存：%1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="153"/>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="158"/>
        <source>Backup saved</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="159"/>
        <source>The database was backed up to
%1</source>
        <translation>数据库已备份到：
%1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="162"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="187"/>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="189"/>
        <source>Backing up before closing…</source>
        <translation>关闭前正在备份…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="215"/>
        <source>Warnings</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/data_safety.py" line="224"/>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
</context>
<context>
    <name>SaveVersionDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="126"/>
        <source>Save the current list as a version</source>
        <translation>将当前清单保存为版本</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="127"/>
        <source>%1 edition</source>
        <translation>%1年版</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="129"/>
        <source>e.g. 2022 edition</source>
        <translation>例如：2022年版</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="133"/>
        <source>Optional: what this version is (e.g. as published on 1 Oct 2022)</source>
        <translation>可不填：说明此版本，例如“2022年10月1日公布”</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="139"/>
        <source>A version is a read-only copy of today&apos;s licence items and powers. You can show it, compare it with a later list and print it at any time.</source>
        <translation>版本是当前许可事项和赋权事项的只读副本，可随时查看、与以后的清单比较、打印。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="144"/>
        <source>Version name:</source>
        <translation>版本名称：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="146"/>
        <source>Remark:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="160"/>
        <source>Save version “%1”</source>
        <translation>保存清单版本“%1”</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/server_dialog.py" line="41"/>
        <source>Connect to a server database</source>
        <translation>连接服务器数据库</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/server_dialog.py" line="53"/>
        <source>your login name on this computer</source>
        <translation>留空则使用本机登录名</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/server_dialog.py" line="59"/>
        <source>Recent servers:</source>
        <translation>最近连接：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/server_dialog.py" line="62"/>
        <source>Server (host):</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/server_dialog.py" line="63"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/server_dialog.py" line="64"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/server_dialog.py" line="65"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/server_dialog.py" line="66"/>
        <source>The password is taken from .pgpass, PGPASSWORD or a service file; if none is found you are asked for it. It is never saved.</source>
        <translation>密码取自 .pgpass、PGPASSWORD 或服务文件；都没有时会询问您。密码不会被保存。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/server_dialog.py" line="70"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/server_dialog.py" line="139"/>
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../lawgov_desktop/ui/session.py" line="85"/>
        <location filename="../../lawgov_desktop/ui/session.py" line="99"/>
        <source>Checking the database</source>
        <translation>正在检查数据库</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/session.py" line="165"/>
        <source>The database is open read-only.</source>
        <translation>数据库以只读方式打开，不能修改。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/session.py" line="247"/>
        <source>The connection to the server was lost. The program reconnects by itself; open forms keep what you typed.</source>
        <translation>与服务器的连接中断，程序正在自动重新连接；已打开的表单保留您输入的内容。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/session.py" line="253"/>
        <source>Connected to the server again; the lists were read again.</source>
        <translation>已重新连接服务器，清单已重新读取。</translation>
    </message>
</context>
<context>
    <name>SideCombo</name>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="71"/>
        <source>Current list</source>
        <translation>当前清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="75"/>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="89"/>
        <source>Workbook: %1</source>
        <translation>工作簿：%1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="76"/>
        <source>Workbook file…</source>
        <translation>选择工作簿文件…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/compare_view.py" line="98"/>
        <source>Workbook to compare</source>
        <translation>选择要比较的工作簿</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_charts.py" line="62"/>
        <source> (largest %1 of %2)</source>
        <translation>（前 %1 个，共 %2 个）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="139"/>
        <source>Licence items by part</source>
        <translation>许可事项按部分</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="140"/>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="140"/>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="147"/>
        <source>Items</source>
        <translation>事项数</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="141"/>
        <source>Departments</source>
        <translation>涉及部门数</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="141"/>
        <source>Departments involved</source>
        <translation>涉及部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="143"/>
        <source>Licence items by department</source>
        <translation>许可事项按主管部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="144"/>
        <source>Competent department</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="144"/>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="159"/>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="146"/>
        <source>Licence items by level</source>
        <translation>许可事项按行使层级</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="147"/>
        <source>Level</source>
        <translation>行使层级</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="148"/>
        <source>Powers by batch</source>
        <translation>赋权事项按批次</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="149"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="149"/>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="150"/>
        <source>Published on</source>
        <translation>公布日期</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="150"/>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="157"/>
        <source>Powers</source>
        <translation>事项数</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="152"/>
        <source>Powers by receiving region</source>
        <translation>赋权事项按承接区划</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="153"/>
        <source>Receiving region</source>
        <translation>承接区划</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="153"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="154"/>
        <source>Powers (incl. its townships)</source>
        <translation>事项数（含下辖镇街）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="156"/>
        <source>Powers by type</source>
        <translation>赋权事项按职权类型</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="157"/>
        <source>Power type</source>
        <translation>职权类型</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="158"/>
        <source>Powers by original department</source>
        <translation>赋权事项按原实施部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="159"/>
        <source>Original department</source>
        <translation>原实施主体</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="174"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="174"/>
        <source>Sub-items</source>
        <translation>子项数</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="282"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="284"/>
        <source>Export workbook…</source>
        <translation>导出工作簿…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="287"/>
        <source>Export one-page PDF…</source>
        <translation>导出单页 PDF…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="291"/>
        <source>Figures of:</source>
        <translation>统计对象：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="311"/>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="361"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="313"/>
        <source>Copy the paragraph to paste it into the report</source>
        <translation>复制这段文字，粘贴到报告中</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="315"/>
        <source>Summary paragraph for the annual report</source>
        <translation>报告用语（按当前数字生成）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="327"/>
        <source>Responsibility lists by department</source>
        <translation>各部门权责清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="351"/>
        <source>Click a row or a slice of the pie to open the list behind the figure.</source>
        <translation>单击表格中的一行或饼图中的扇形，即可打开对应事项的列表。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="353"/>
        <source>Click a row or a bar to open the list behind the figure.</source>
        <translation>单击表格中的一行或图中的柱形，即可打开对应事项的列表。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="360"/>
        <source>The list holds no powers yet.</source>
        <translation>清单中还没有权责事项。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="363"/>
        <source>Copy these sentences to paste them into a report</source>
        <translation>复制这些文字，粘贴到报告或公告中</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="365"/>
        <source>Main items per power type, in the standard order; sub-items are counted apart.</source>
        <translation>按权力类型的标准顺序统计主项，子项另计。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="407"/>
        <source>No licence items, and nothing delegated to townships: the paragraph has nothing to state yet.</source>
        <translation>当前清单中没有行政许可事项，也没有下放镇街的事项，报告用语暂无内容。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="418"/>
        <source>Licence items %1 (sub-items %2), %3 departments</source>
        <translation>行政许可事项 %1 项（子项 %2 项），涉及 %3 个部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="421"/>
        <source>Enforcement powers %1, delegated to townships %2</source>
        <translation>赋权执法事项 %1 项，已下放镇街 %2 项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="434"/>
        <source>Citing a repealed law: %1 licence items, %2 powers</source>
        <translation>引用已废止法律法规的：许可事项 %1 项，执法事项 %2 项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="435"/>
        <source>citing an amended law: %1 licence items, %2 powers</source>
        <translation>引用已被修改法律法规的：许可事项 %1 项，执法事项 %2 项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="436"/>
        <source>citing a law not yet in force: %1 licence items, %2 powers</source>
        <translation>引用尚未生效法律法规的：许可事项 %1 项，执法事项 %2 项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="442"/>
        <source>; %1 cited titles match no catalogued law.</source>
        <translation>；有 %1 个引用标题未匹配法律法规库中的法律法规。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="448"/>
        <source>The paragraph is on the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="453"/>
        <source>The sentences are on the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="466"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="468"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="468"/>
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="469"/>
        <source>Export statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="481"/>
        <source>Writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="490"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/stats_view.py" line="494"/>
        <source>Exporting statistics</source>
        <translation>正在导出统计</translation>
    </message>
</context>
<context>
    <name>VersionCombo</name>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="72"/>
        <source>Show the working list or a saved version</source>
        <translation>显示当前清单或已保存的历史版本</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="73"/>
        <source>Current list</source>
        <translation>当前清单</translation>
    </message>
</context>
<context>
    <name>Versions</name>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="49"/>
        <source>Saved version (read-only)</source>
        <translation>历史版本（只读）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="52"/>
        <source>A saved version cannot be edited. Choose “Current list” to edit the working list.</source>
        <translation>历史版本不能修改。如需编辑，请选择“当前清单”。</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="201"/>
        <source>List versions</source>
        <translation>清单版本</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="202"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="202"/>
        <source>Saved at</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="202"/>
        <source>Saved by</source>
        <translation>保存人</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="202"/>
        <source>Licence items</source>
        <translation>许可事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="203"/>
        <source>Sub-items</source>
        <translation>子项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="203"/>
        <source>Powers</source>
        <translation>赋权事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="203"/>
        <source>Delegations</source>
        <translation>下放记录</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="203"/>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="218"/>
        <source>No version saved yet. Save the current list as a version before the yearly adjustment, to compare the lists afterwards.</source>
        <translation>尚未保存任何版本。建议在年度动态调整前将当前清单保存为版本，调整后即可比较。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="223"/>
        <source>Save current list as a version…</source>
        <translation>将当前清单保存为版本…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="224"/>
        <source>Show licence items</source>
        <translation>查看许可事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="225"/>
        <source>Show powers</source>
        <translation>查看赋权事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="226"/>
        <source>Compare with current list</source>
        <translation>与当前清单比较</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="227"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="229"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="307"/>
        <source>Delete version</source>
        <translation>删除版本</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="308"/>
        <source>Delete the saved version “%1”?

The database is backed up first; the working list is not touched. This cannot be undone.</source>
        <translation>删除已保存的版本“%1”？

删除前会先备份数据库；当前清单不受影响。此操作不能撤销。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="313"/>
        <source>Version “%1” deleted (a backup was made first).</source>
        <translation>已删除版本“%1”（删除前已备份）。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/versions.py" line="316"/>
        <source>Deleting version “%1”</source>
        <translation>正在删除版本“%1”</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/welcome.py" line="53"/>
        <source>Welcome to LawGov Desktop</source>
        <translation>欢迎使用 LawGov 清单管理</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/welcome.py" line="55"/>
        <source>&lt;h3&gt;This database is still empty&lt;/h3&gt;&lt;p&gt;How would you like to start?&lt;/p&gt;</source>
        <translation>&lt;h3&gt;这个数据库还是空的&lt;/h3&gt;&lt;p&gt;想从哪里开始？&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/welcome.py" line="59"/>
        <source>Import a workbook…</source>
        <translation>导入工作簿…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/welcome.py" line="60"/>
        <source>Read a licence list, a department&apos;s list of powers and responsibilities or a delegation list from Excel or WPS (.xlsx, .xls, .et, .ods, .csv).</source>
        <translation>从 Excel 或 WPS 工作簿（.xlsx、.xls、.et、.ods、.csv）读入行政许可事项清单、部门权责清单或赋权事项目录。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/welcome.py" line="63"/>
        <source>Open the sample database</source>
        <translation>打开示例数据库</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/welcome.py" line="64"/>
        <source>Try the program on a made-up list of Shanwei, clearly marked as sample data. This database stays empty.</source>
        <translation>用一份虚构的汕尾市清单试用本程序，全部标明为示例数据；当前数据库保持为空。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/welcome.py" line="67"/>
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/welcome.py" line="68"/>
        <source>Enter records by hand, or import later with File → Import workbook.</source>
        <translation>手工录入事项，或以后通过“文件 → 导入工作簿”导入。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/welcome.py" line="113"/>
        <source>Building the sample database…</source>
        <translation>正在生成示例数据库…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/welcome.py" line="130"/>
        <source> [sample data]</source>
        <translation> [示例数据]</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <location filename="../../lawgov_desktop/ui/widgets.py" line="77"/>
        <source>Workbooks (%1);;All files (*)</source>
        <translation>工作簿 (%1);;所有文件 (*)</translation>
    </message>
</context>
</TS>
