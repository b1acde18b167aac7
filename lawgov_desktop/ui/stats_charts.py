"""The charts of the statistics page (QtCharts, imported only when the first chart is drawn).

Pies for shares (parts, levels, power types), bars for batches, horizontal bars for departments
and regions (their names are long; the largest on top, at most ``TOP_BARS`` of them, the table
holds the rest).  Labels use the window's font, so Chinese reads as in the tables; every bar and
slice opens the list behind it like the table row does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QApplication


class Bar(Protocol):
    """What a chart draws of a figure of the statistics page; a click hands the figure back."""

    label: str
    value: int


Figure = TypeVar("Figure", bound=Bar)
TOP_BARS = 15  # a bar chart of 44 departments is unreadable; the table has them all
PALETTE = ("#3b73b9", "#e08a2e", "#4f9d57", "#c0504d", "#8064a2", "#4bacc6", "#9b8b3e", "#d36fa8", "#7f7f7f",
           "#2f8f8f")
_SLICE_LABEL_SHARE = 0.04  # smaller slices are named in the legend only


def make_chart(kind: str, title: str, figures: Sequence[Figure], clicked: Callable[[Figure], None]) -> QChartView:
    """A chart view of ``figures``: "pie", "bar" or "hbar"."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    font = QFont(QApplication.font())
    title_font = QFont(font)
    title_font.setPointSizeF(font.pointSizeF() + 1)
    title_font.setBold(True)
    chart.setTitleFont(title_font)
    shown = [figure for figure in figures if figure.value > 0]
    if kind == "pie":
        chart.setTitle(title)
        _pie(chart, shown, clicked, font)
    else:
        ranked = sorted(shown, key=lambda figure: -figure.value)[:TOP_BARS] if kind == "hbar" else shown
        if len(ranked) < len(shown):
            title += QCoreApplication.translate("Stats", " (largest %1 of %2)").replace(
                "%1", str(len(ranked))).replace("%2", str(len(shown)))
        chart.setTitle(title)
        _bars(chart, ranked, clicked, font, horizontal=kind == "hbar")
    view = QChartView(chart)
    view.setObjectName("stats_chart")
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)
    return view


def _pie(chart: QChart, figures: Sequence[Figure], clicked: Callable[[Figure], None], font: QFont) -> None:
    series = QPieSeries()
    total = sum(figure.value for figure in figures) or 1
    for number, figure in enumerate(figures):
        pie_slice = series.append(f"{figure.label}  {figure.value}", figure.value)
        pie_slice.setColor(QColor(PALETTE[number % len(PALETTE)]))
        pie_slice.setLabelFont(font)
        pie_slice.setLabelVisible(figure.value / total >= _SLICE_LABEL_SHARE)
        pie_slice.clicked.connect(lambda figure=figure: clicked(figure))
    series.setPieSize(0.62)
    chart.addSeries(series)
    legend = chart.legend()
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    legend.setFont(font)


def _bars(chart: QChart, figures: Sequence[Figure], clicked: Callable[[Figure], None], font: QFont, *, horizontal: bool) -> None:
    # Horizontal bars are drawn from the bottom up: reversed, the largest stands on top.
    ordered = list(reversed(figures)) if horizontal else list(figures)
    bar_set = QBarSet("")
    bar_set.setColor(QColor(PALETTE[0]))
    bar_set.setLabelFont(font)
    bar_set.setLabelColor(QColor("#222"))
    for figure in ordered:
        bar_set.append(figure.value)
    bar_set.clicked.connect(lambda index: clicked(ordered[index]))
    series: QAbstractBarSeries = QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(bar_set)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setBarWidth(0.7)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append(_unique([figure.label for figure in ordered]))
    categories.setLabelsFont(font)
    values = QValueAxis()
    values.setLabelFormat("%d")
    values.setLabelsFont(font)
    top = max((figure.value for figure in ordered), default=1)
    values.setRange(0, max(top * 1.15, 1))  # room for the value written after the longest bar
    values.applyNiceNumbers()
    values.setGridLineColor(QColor("#e4e4e4"))
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(values)
    chart.legend().hide()


def _unique(labels: list[str]) -> list[str]:
    """Category labels must differ; a repeated short name gets a number."""
    seen: dict[str, int] = {}
    result = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        result.append(label if seen[label] == 1 else f"{label}（{seen[label]}）")
    return result
