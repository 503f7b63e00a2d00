#pragma once

#include <QList>
#include <QPointF>
#include <QStringList>
#include <QWidget>

#include <functional>

namespace suanli::ui::charts {

class TimeChartView;

/// Chart adapter: lines over time with a time axis, a y axis with its unit, a legend when
/// there is more than one line, and a hover readout of every line at the pointer's time.
/// It takes data already decimated to its width (plotWidth()) and hands each line to Qt Charts
/// as one whole vector (QXYSeries::replace), never point by point. Qt Charts stays inside
/// this file and its siblings in ui/charts, so moving to Qt Graphs touches nothing else.
class TimeChart : public QWidget
{
    Q_OBJECT
public:
    /// `unit` is shown on the y axis and in readouts ("%", "GiB", "°C", "W").
    TimeChart(const QString &title, const QString &unit, QWidget *parent = nullptr);
    ~TimeChart() override;

    /// One line per name; the legend shows the names when there are two or more.
    void setLineNames(const QStringList &names);
    QStringList lineNames() const { return m_names; }
    /// x in ms since the epoch. Lines beyond the names are ignored; missing ones are emptied.
    void setLines(const QList<QList<QPointF>> &lines, qint64 fromMs, qint64 toMs, double yMin,
                  double yMax);
    /// Time labels on the x axis ("hh:mm:ss", "hh:mm", "MMM d").
    void setTimeFormat(const QString &format);
    /// Decimals in readouts and on the axis.
    void setDecimals(int decimals);
    /// Replaces the y values' text (a money format, say) in readouts.
    void setValueFormatter(std::function<QString(double)> format) { m_format = std::move(format); }
    /// Antialiased lines (default) look better and cost about half the paint time.
    void setAntialiased(bool on);
    /// Text shown over an empty chart.
    void setEmptyText(const QString &text);

    /// Width of the plot area in pixels: decimate to this.
    int plotWidth() const;
    /// The hover readout for a time: the time, then "name: value unit" per line.
    QString readoutAt(qint64 ms) const;

    // For tests: what the chart shows.
    QList<QPointF> points(int line) const;
    QPointF xRange() const; ///< ms since the epoch
    QPointF yRange() const;
    QString yTitle() const;

private:
    QString valueText(double value) const;

    TimeChartView *m_view;
    QString m_unit;
    QStringList m_names;
    QList<QList<QPointF>> m_lines;
    int m_decimals = 0;
    std::function<QString(double)> m_format;
};

} // namespace suanli::ui::charts
