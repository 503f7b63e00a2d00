#include "timechart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace suanli::ui::charts {

namespace {

// Eight colours that stay apart for eight GPUs on a light background (Tableau 10 order).
const QList<QColor> &linePalette()
{
    static const QList<QColor> colours{
        QColor(0x4e79a7), QColor(0xf28e2b), QColor(0x59a14f), QColor(0xe15759),
        QColor(0x76b7b2), QColor(0xedc948), QColor(0xb07aa1), QColor(0x9c755f)};
    return colours;
}

// Steps for time ticks: the smallest that gives at most 6 ticks across the window.
constexpr qint64 kTickSteps[] = {10'000, 15'000, 30'000, 60'000, 120'000, 300'000, 600'000,
                                 900'000, 1'800'000, 3'600'000, 7'200'000, 10'800'000,
                                 21'600'000, 43'200'000, 86'400'000, 2 * 86'400'000,
                                 7 * 86'400'000LL};

// y ticks on round values: 0–1 in 0.2, 0–2 in 0.5, 0–2.5 in 0.5, 0–5 in 1 (× 10^n).
std::pair<int, int> yTicks(double max)
{
    if (!(max > 0))
        return {5, 0};
    const double base = std::pow(10.0, std::floor(std::log10(max)));
    const double mantissa = max / base;
    const int ticks = std::abs(mantissa - 2) < 1e-6 ? 5 : 6;
    const double step = max / (ticks - 1);
    const int decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step) - 1e-9));
    return {ticks, decimals};
}

} // namespace

/// The QChartView with the pointer readout.
class TimeChartView : public QChartView
{
public:
    TimeChartView(TimeChart *owner, QChart *chart)
        : QChartView(chart)
        , m_owner(owner)
    {
        setRenderHint(QPainter::Antialiasing);
        setMouseTracking(true);
        // A category axis on ms since the epoch rather than QDateTimeAxis: that one spaces its
        // ticks evenly from the window's start (04:21:02, 04:22:17, …); this one puts them
        // on round times (04:22, 04:23, …).
        m_x = new QCategoryAxis;
        m_x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        m_y = new QValueAxis;
        chart->addAxis(m_x, Qt::AlignBottom);
        chart->addAxis(m_y, Qt::AlignLeft);
        m_empty = new QGraphicsSimpleTextItem(chart);
        m_empty->setBrush(linePalette().first().darker(150));
    }

    QCategoryAxis *m_x;
    QString m_timeFormat = QStringLiteral("HH:mm");
    qint64 m_tickFrom = -1;
    qint64 m_tickStep = 0;
    qint64 m_ticks = 0;
    QValueAxis *m_y;
    QList<QLineSeries *> m_series;
    QGraphicsSimpleTextItem *m_empty;

    void placeEmptyText()
    {
        const QRectF area = chart()->plotArea();
        const QRectF text = m_empty->boundingRect();
        m_empty->setPos(area.center() - QPointF(text.width() / 2, text.height() / 2));
    }

protected:
    void mouseMoveEvent(QMouseEvent *event) override
    {
        QChartView::mouseMoveEvent(event);
        if (m_series.isEmpty() || !chart()->plotArea().contains(event->position())) {
            QToolTip::hideText();
            return;
        }
        const QPointF value = chart()->mapToValue(event->position(), m_series.first());
        QToolTip::showText(event->globalPosition().toPoint(), m_owner->readoutAt(qint64(value.x())),
                           this);
    }
    void resizeEvent(QResizeEvent *event) override
    {
        QChartView::resizeEvent(event);
        placeEmptyText();
    }

private:
    TimeChart *m_owner;
};

TimeChart::TimeChart(const QString &title, const QString &unit, QWidget *parent)
    : QWidget(parent)
    , m_unit(unit)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setVisible(false);
    // Animations would redraw for a second after every 1 Hz update: pure CPU cost.
    chart->setAnimationOptions(QChart::NoAnimation);
    m_view = new TimeChartView(this, chart);
    m_view->m_y->setTitleText(unit);
    m_view->m_y->setLabelFormat(QStringLiteral("%.0f"));
    m_view->m_y->setTickCount(5);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setMinimumSize(240, 160);
}

TimeChart::~TimeChart() = default;

void TimeChart::setLineNames(const QStringList &names)
{
    if (names == m_names)
        return;
    m_names = names;
    QChart *chart = m_view->chart();
    for (QLineSeries *s : std::as_const(m_view->m_series)) {
        chart->removeSeries(s);
        delete s;
    }
    m_view->m_series.clear();
    for (qsizetype i = 0; i < names.size(); ++i) {
        auto *series = new QLineSeries;
        series->setName(names[i]);
        QPen pen(linePalette()[i % linePalette().size()]);
        pen.setWidthF(1.5);
        series->setPen(pen);
        // OpenGL would be faster to draw but needs a GL context, which Xvfb and remote
        // desktops often lack; at ≤ 2 points per pixel the raster path is fast enough.
        chart->addSeries(series);
        series->attachAxis(m_view->m_x);
        series->attachAxis(m_view->m_y);
        m_view->m_series.append(series);
    }
    chart->legend()->setVisible(names.size() > 1);
    m_lines = QList<QList<QPointF>>(names.size());
}

void TimeChart::setLines(const QList<QList<QPointF>> &lines, qint64 fromMs, qint64 toMs,
                         double yMin, double yMax)
{
    bool any = false;
    for (qsizetype i = 0; i < m_view->m_series.size(); ++i) {
        const QList<QPointF> line = i < lines.size() ? lines[i] : QList<QPointF>();
        any = any || !line.isEmpty();
        m_lines[i] = line;
        m_view->m_series[i]->replace(line);
    }
    m_view->m_x->setRange(double(fromMs), double(toMs));
    qint64 step = kTickSteps[std::size(kTickSteps) - 1];
    for (const qint64 s : kTickSteps) {
        if ((toMs - fromMs) / s <= 6) {
            step = s;
            break;
        }
    }
    // Round local times: offset by the zone so that 3 h ticks fall on 00:00, 03:00, …
    const qint64 offset = qint64(QDateTime::fromMSecsSinceEpoch(toMs).offsetFromUtc()) * 1000;
    const qint64 first = ((fromMs + offset) / step + 1) * step - offset;
    // A tick at the very right edge would have its label cut by the frame.
    const qint64 last = toMs - step / 5;
    const qint64 timeTicks = last >= first ? (last - first) / step + 1 : 0;
    if (first != m_view->m_tickFrom || step != m_view->m_tickStep || timeTicks != m_view->m_ticks) {
        m_view->m_tickFrom = first;
        m_view->m_ticks = timeTicks;
        m_view->m_tickStep = step;
        for (const QString &label : m_view->m_x->categoriesLabels())
            m_view->m_x->remove(label);
        m_view->m_x->setStartValue(double(fromMs));
        for (qint64 t = first; t <= last; t += step) {
            m_view->m_x->append(QDateTime::fromMSecsSinceEpoch(t).toString(m_view->m_timeFormat),
                                double(t));
        }
    }
    m_view->m_x->setStartValue(double(fromMs));
    m_view->m_y->setRange(yMin, yMax);
    const auto [ticks, decimals] = yTicks(yMax - yMin);
    m_view->m_y->setTickCount(ticks);
    m_view->m_y->setLabelFormat(QStringLiteral("%.") + QString::number(decimals) + QStringLiteral("f"));
    m_view->m_empty->setVisible(!any);
}

void TimeChart::setTimeFormat(const QString &format)
{
    m_view->m_timeFormat = format;
    m_view->m_tickStep = 0; // relabel on the next setLines
}

void TimeChart::setDecimals(int decimals)
{
    m_decimals = decimals; // readouts; the axis labels follow the tick step
}

void TimeChart::setAntialiased(bool on)
{
    m_view->setRenderHint(QPainter::Antialiasing, on);
}

void TimeChart::setEmptyText(const QString &text)
{
    m_view->m_empty->setText(text);
    m_view->placeEmptyText();
}

int TimeChart::plotWidth() const
{
    const int w = int(m_view->chart()->plotArea().width());
    // Before the first layout the plot area is empty: guess from the widget.
    return w > 10 ? w : std::max(100, width() - 60);
}

QString TimeChart::valueText(double value) const
{
    if (m_format)
        return m_format(value);
    const QString number = QLocale().toString(value, 'f', m_decimals);
    return m_unit.isEmpty() ? number : tr("%1 %2", "value and unit").arg(number, m_unit);
}

QString TimeChart::readoutAt(qint64 ms) const
{
    QStringList rows;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms);
    rows.append(QLocale().toString(at.date(), QLocale::ShortFormat) + QLatin1Char(' ')
                + at.time().toString(QStringLiteral("HH:mm:ss")));
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        const QList<QPointF> &line = m_lines[i];
        if (line.isEmpty())
            continue;
        auto it = std::lower_bound(line.begin(), line.end(), double(ms),
                                   [](const QPointF &p, double x) { return p.x() < x; });
        if (it == line.end())
            --it;
        else if (it != line.begin() && (ms - (it - 1)->x()) < (it->x() - ms))
            --it;
        rows.append(tr("%1: %2", "line name: value").arg(m_names.value(i), valueText(it->y())));
    }
    return rows.join(QLatin1Char('\n'));
}

QList<QPointF> TimeChart::points(int line) const
{
    if (line < 0 || line >= m_view->m_series.size())
        return {};
    return m_view->m_series[line]->points();
}

QPointF TimeChart::xRange() const
{
    return QPointF(m_view->m_x->min(), m_view->m_x->max());
}

QPointF TimeChart::yRange() const
{
    return QPointF(m_view->m_y->min(), m_view->m_y->max());
}

QString TimeChart::yTitle() const
{
    return m_view->m_y->titleText();
}

} // namespace suanli::ui::charts
