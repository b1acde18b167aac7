<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="62" />
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="63" />
        <source>&lt;h3&gt;LawGov Desktop %1&lt;/h3&gt;&lt;p&gt;The city's administrative licence list and delegated enforcement powers, kept offline.&lt;/p&gt;&lt;p&gt;Database: %2%3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LawGov 清单管理 %1&lt;/h3&gt;&lt;p&gt;离线管理全市行政许可事项清单与镇街赋权执法事项。&lt;/p&gt;&lt;p&gt;数据库：%2%3&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="66" />
        <source>About LawGov Desktop</source>
        <translation>关于 LawGov 清单管理</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="135" />
        <source>Change %1 records</source>
        <translation>批量修改 %1 项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="145" />
        <source>Field:</source>
        <translation>字段：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="146" />
        <source>New value:</source>
        <translation>新值：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="165" />
        <source>Change %1 of %2 %3</source>
        <translation>批量修改 %2 项%3的“%1”</translation>
    </message>
</context>
<context>
    <name>Column</name>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="112" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="133" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="113" />
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="114" />
        <source>Department</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="115" />
        <source>Item name</source>
        <translation>事项名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="116" />
        <source>Sub-items</source>
        <translation>子项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="117" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="208" />
        <source>Implementing authority</source>
        <translation>实施机关</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="119" />
        <source>Legal basis</source>
        <translation>设定和实施依据</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="120" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="154" />
        <source>Level</source>
        <translation>行使层级</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="121" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="209" />
        <source>Item code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="122" />
        <source>Certificate</source>
        <translation>许可证件</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="123" />
        <source>List year</source>
        <translation>清单版本</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="124" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="143" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="210" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="125" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="144" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="159" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="172" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="183" />
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="134" />
        <source>Power code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="135" />
        <source>Power name</source>
        <translation>事项名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="136" />
        <source>Power type</source>
        <translation>职权类型</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="137" />
        <source>Domain</source>
        <translation>执法领域</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="138" />
        <source>Original department</source>
        <translation>原实施主体</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="139" />
        <source>Receiving townships</source>
        <translation>承接主体</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="140" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="179" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="214" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="141" />
        <source>Enforcement basis</source>
        <translation>实施依据</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="142" />
        <source>Penalty range</source>
        <translation>处罚种类及幅度</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="152" />
        <source>Department name</source>
        <translation>部门名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="153" />
        <source>Short names</source>
        <translation>简称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="155" />
        <source>Region</source>
        <translation>所属区划</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="156" />
        <source>Licence items</source>
        <translation>许可事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="157" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="182" />
        <source>Powers</source>
        <translation>执法事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="158" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="167" />
        <source>Region name</source>
        <translation>区划名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="168" />
        <source>Region code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="169" />
        <source>Region kind</source>
        <translation>区划类型</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="170" />
        <source>Parent region</source>
        <translation>上级区划</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="171" />
        <source>Other names</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="180" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="219" />
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="181" />
        <source>Published on</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="190" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="191" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="192" />
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="193" />
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="194" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="215" />
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="195" />
        <source>Inserted</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="196" />
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="197" />
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="198" />
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="199" />
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="200" />
        <source>Undone at</source>
        <translation>撤销时间</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="207" />
        <source>Sub-item</source>
        <translation>子项名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="213" />
        <source>Receiving township</source>
        <translation>承接主体</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="216" />
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="217" />
        <source>Effective</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="218" />
        <source>Change</source>
        <translation>调整类型</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../lawgov_desktop/ui/detail.py" line="122" />
        <source>Sub-items</source>
        <translation>子项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/detail.py" line="122" />
        <source>Delegated to</source>
        <translation>赋权承接</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/detail.py" line="124" />
        <source>Add sub-item</source>
        <translation>添加子项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/detail.py" line="124" />
        <source>Add delegation</source>
        <translation>添加承接镇街</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/detail.py" line="125" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/detail.py" line="126" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/detail.py" line="154" />
        <source>Select a row to see it in full.</source>
        <translation>选择一行查看详细内容。</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <location filename="../../lawgov_desktop/ui/editing.py" line="44" />
        <source>Delete %1 “%2”?</source>
        <translation>确定删除%1“%2”吗？</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/editing.py" line="46" />
        <source>Delete %1 records (%2)?</source>
        <translation>确定删除 %1 项%2吗？</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/editing.py" line="50" />
        <source>Also deleted with it: %1</source>
        <translation>将一并删除：%1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/editing.py" line="51" />
        <source>You can undo this with Ctrl+Z.</source>
        <translation>删除后可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/editing.py" line="52" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/editing.py" line="61" />
        <source>Delete %1 %2</source>
        <translation>删除 %1 项%2</translation>
    </message>
</context>
<context>
    <name>Facet</name>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="24" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="25" />
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="26" />
        <location filename="../../lawgov_desktop/ui/facets.py" line="27" />
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="28" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="29" />
        <source>Power type</source>
        <translation>职权类型</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="30" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="31" />
        <source>Receiving region</source>
        <translation>承接区划</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="123" />
        <source>%1: all</source>
        <translation>%1：全部</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/facets.py" line="126" />
        <source>%1: %2 selected</source>
        <translation>%1：已选 %2 项</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="223" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="289" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="295" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="228" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="290" />
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="232" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="266" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="291" />
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="227" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="292" />
        <source>Department</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="246" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="296" />
        <source>Power type</source>
        <translation>职权类型</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="242" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="297" />
        <source>Original department</source>
        <translation>原实施主体</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="222" />
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="226" />
        <source>Item name</source>
        <translation>事项名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="229" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="245" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="230" />
        <source>Implementing authority</source>
        <translation>实施机关</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="231" />
        <source>Legal basis</source>
        <translation>设定和实施依据</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="233" />
        <source>Item code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="234" />
        <source>Certificate</source>
        <translation>许可证件</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="235" />
        <source>Upper list No.</source>
        <translation>对应上级清单序号</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="236" />
        <source>List year</source>
        <translation>清单版本</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="241" />
        <source>Power name</source>
        <translation>事项名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="244" />
        <source>Power code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="247" />
        <source>Domain</source>
        <translation>执法领域</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="248" />
        <source>Enforcement basis</source>
        <translation>实施依据</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="249" />
        <source>Penalty range</source>
        <translation>处罚种类及幅度</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="254" />
        <source>Receiving township</source>
        <translation>承接主体</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="255" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="280" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="256" />
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="257" />
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="258" />
        <source>Effective date</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="259" />
        <source>Change</source>
        <translation>调整类型</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="260" />
        <location filename="../../lawgov_desktop/ui/kinds.py" line="281" />
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="264" />
        <source>Department name</source>
        <translation>部门名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="265" />
        <source>Short names</source>
        <translation>简称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="267" />
        <source>Region</source>
        <translation>所属区划</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="268" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="272" />
        <source>Region name</source>
        <translation>区划名称</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="273" />
        <source>Region kind</source>
        <translation>区划类型</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="274" />
        <source>Parent region</source>
        <translation>上级区划</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="275" />
        <source>Region code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="276" />
        <source>Other names</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="282" />
        <source>Published on</source>
        <translation>发布日期</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="47" />
        <source>licence item</source>
        <translation>许可事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="48" />
        <source>sub-item</source>
        <translation>子项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="49" />
        <source>enforcement power</source>
        <translation>执法事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="50" />
        <source>delegation</source>
        <translation>赋权承接</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="51" />
        <source>department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="52" />
        <source>region</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="53" />
        <source>batch</source>
        <translation>批次</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <location filename="../../lawgov_desktop/ui/app.py" line="103" />
        <source>Creating the database…</source>
        <translation>正在创建数据库…</translation>
    </message>
</context>
<context>
    <name>ListView</name>
    <message>
        <location filename="../../lawgov_desktop/ui/list_view.py" line="62" />
        <source>Search names, codes, departments, legal bases… (Ctrl+F)</source>
        <translation>搜索名称、编码、部门、依据…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/list_view.py" line="72" />
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/list_view.py" line="75" />
        <source>Saved filters</source>
        <translation>常用筛选</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/list_view.py" line="216" />
        <source>Save current filter…</source>
        <translation>保存当前筛选…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/list_view.py" line="225" />
        <source>Delete saved filter</source>
        <translation>删除常用筛选</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/list_view.py" line="234" />
        <location filename="../../lawgov_desktop/ui/list_view.py" line="238" />
        <source>Save filter</source>
        <translation>保存筛选</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/list_view.py" line="234" />
        <source>Name of the filter:</source>
        <translation>筛选名称：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/list_view.py" line="259" />
        <source>Showing %1 of %2</source>
        <translation>显示 %1 项 / 共 %2 项</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="50" />
        <source> [read-only]</source>
        <translation>［只读］</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="51" />
        <source>LawGov Desktop — %1</source>
        <translation>LawGov 清单管理 — %1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="121" />
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="122" />
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="124" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="125" />
        <source>&amp;New record…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="127" />
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="129" />
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="131" />
        <source>Change selected &amp;records…</source>
        <translation>批量修改所选(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="132" />
        <source>&amp;Merge departments…</source>
        <translation>合并部门(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="133" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="136" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="139" />
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="140" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="143" />
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="145" />
        <source>&amp;About LawGov Desktop</source>
        <translation>关于 LawGov 清单管理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="152" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="155" />
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="159" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="164" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="167" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="171" />
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="300" />
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="307" />
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/main_window.py" line="313" />
        <source>LawGov database (*.sqlite3 *.db);;All files (*)</source>
        <translation>LawGov 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>MergeDepartmentsDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="76" />
        <source>Merge departments</source>
        <translation>合并部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="89" />
        <source>The licence items and powers of the first department move to the second; the first department's name and short names become short names of the second. You can undo this with Ctrl+Z.</source>
        <translation>第一个部门的许可事项和执法事项将移到第二个部门，第一个部门的名称和简称成为第二个部门的简称。可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="94" />
        <source>Merge this department:</source>
        <translation>将此部门：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="95" />
        <source>into this department:</source>
        <translation>合并到：</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="107" />
        <source>Choose both departments from the list.</source>
        <translation>请从列表中选择两个部门。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="110" />
        <source>Merge “%1” into “%2”</source>
        <translation>将“%1”合并到“%2”</translation>
    </message>
</context>
<context>
    <name>Nav</name>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="110" />
        <source>Licence items</source>
        <translation>许可事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="131" />
        <source>Enforcement powers</source>
        <translation>执法事项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="150" />
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="165" />
        <source>Regions</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="177" />
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/kinds.py" line="188" />
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="40" />
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="46" />
        <source>A new language takes effect when the program is started again.</source>
        <translation>更改的界面语言在重新启动程序后生效。</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/dialogs.py" line="49" />
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../lawgov_desktop/ui/prompts.py" line="29" />
        <source>LawGov Desktop</source>
        <translation>LawGov 清单管理</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/prompts.py" line="43" />
        <source>Unsaved changes</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/prompts.py" line="43" />
        <source>This record has unsaved changes. Save them?</source>
        <translation>这条记录的修改尚未保存。是否保存？</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/prompts.py" line="55" />
        <source>Database already open</source>
        <translation>数据库已被打开</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/prompts.py" line="56" />
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
        <location filename="../../lawgov_desktop/ui/prompts.py" line="58" />
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/prompts.py" line="59" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="114" />
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="114" />
        <source>New %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="253" />
        <source>New %1 “%2”</source>
        <translation>新建%1“%2”</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/forms.py" line="259" />
        <source>Edit %1 “%2”</source>
        <translation>修改%1“%2”</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../lawgov_desktop/ui/session.py" line="75" />
        <source>Checking the database</source>
        <translation>正在检查数据库</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/session.py" line="103" />
        <source>The database is open read-only.</source>
        <translation>数据库以只读方式打开，不能修改。</translation>
    </message>
</context>
<context>
    <name>Writer</name>
    <message>
        <location filename="../../lawgov_desktop/ui/tasks.py" line="167" />
        <source>Working</source>
        <translation>正在处理</translation>
    </message>
    <message>
        <location filename="../../lawgov_desktop/ui/tasks.py" line="175" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
</TS>