#include "spendwidget.h"

#include "barchart.h"
#include "timechart.h"

#include "app/dashboard/telemetryseries.h"
#include "app/moneyformat.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace suanli::ui::charts {

namespace {

// Money becomes double only here, for the chart's geometry; labels use formatMoney.
double units(Micro amount)
{
    return double(amount) / double(kMicroPerUnit);
}

} // namespace

SpendWidget::SpendWidget(dashboard::SpendTracker *tracker, QWidget *parent)
    : QWidget(parent)
    , m_tracker(tracker)
{
    m_burn = new QLabel(this);
    m_runway = new QLabel(this);
    QFont big = m_burn->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_burn->setFont(big);
    m_runway->setFont(big);
    const QString symbol = app::currencySymbol(tracker->currency(), QLocale());
    m_cumulative = new TimeChart(tr("Spend this month"), symbol, this);
    m_cumulative->setDecimals(2);
    m_cumulative->setTimeFormat(QStringLiteral("MMM d"));
    m_cumulative->setEmptyText(tr("No spend this month"));
    m_daily = new BarChart(tr("Spend per day"), symbol, this);
    auto money = [this](double value) {
        return app::formatMoney(Micro(value * double(kMicroPerUnit)), m_tracker->currency(),
                                QLocale());
    };
    m_cumulative->setValueFormatter(money);
    m_daily->setValueFormatter(money);

    auto *figures = new QHBoxLayout;
    figures->addWidget(m_burn);
    figures->addSpacing(24);
    figures->addWidget(m_runway);
    figures->addStretch(1);
    auto *charts = new QHBoxLayout;
    charts->addWidget(m_cumulative, 1);
    charts->addWidget(m_daily, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(figures);
    layout->addLayout(charts, 1);

    connect(m_tracker, &dashboard::SpendTracker::changed, this, &SpendWidget::refresh);
    refresh();
}

QDateTime SpendWidget::now() const
{
    return m_clock->nowLocal();
}

QString SpendWidget::burnText() const
{
    const Micro burn = m_tracker->burnPerHour();
    if (burn <= 0)
        return tr("Nothing is charging now");
    return tr("%1 per hour now").arg(app::formatPrice(burn, m_tracker->currency(), QLocale()));
}

QString SpendWidget::runwayText() const
{
    const auto runway = m_tracker->runwaySeconds();
    if (!runway)
        return tr("Balance %1")
            .arg(app::formatMoney(m_tracker->balance(), m_tracker->currency(), QLocale()));
    if (*runway == 0)
        return tr("The balance is used up: top up to keep instances running");
    return tr("Balance %1 lasts %2 at this rate")
        .arg(app::formatMoney(m_tracker->balance(), m_tracker->currency(), QLocale()),
             app::formatDuration(*runway));
}

void SpendWidget::refresh()
{
    m_burn->setText(burnText());
    m_runway->setText(runwayText());

    const QDateTime at = now();
    const QDate today = at.date();
    const QDate first(today.year(), today.month(), 1);
    const qint64 to = at.toMSecsSinceEpoch();
    const qint64 monthStart = first.startOfDay().toMSecsSinceEpoch();
    const auto &series = m_tracker->series();

    // From the first charge this month (at least the last hour) to now: a renter who started
    // an hour ago sees a curve, not a dot at the right edge.
    qint64 from = to - 3600'000;
    if (const auto firstCharge = series.firstChargeAt(0, monthStart))
        from = std::min(from, std::max(monthStart, *firstCharge - 60'000));
    if (to - from > 2 * 24 * 3600'000LL)
        m_cumulative->setTimeFormat(QStringLiteral("MMM d"));
    else
        m_cumulative->setTimeFormat(QStringLiteral("HH:mm"));

    QStringList names{tr("Account")};
    QList<qint64> ids{0};
    for (const qint64 id : series.instanceIds()) {
        if (series.totalAt(id, to) > series.totalAt(id, from)) {
            ids.append(id);
            QString name = tr("Instance %1").arg(id);
            for (const auto &i : m_tracker->instances()) {
                if (i.id == id && !i.label.isEmpty())
                    name = i.label;
            }
            names.append(name);
        }
    }
    if (names.size() == 2) { // one instance: its line is the account's
        names.removeLast();
        ids.removeLast();
    }
    m_cumulative->setLineNames(names);
    QList<QList<QPointF>> lines;
    Micro top = 0;
    for (const qint64 id : std::as_const(ids)) {
        QList<QPointF> line;
        // The spend of the window, so every line starts at 0 on the left.
        const auto points = series.cumulative(id, from, to, m_cumulative->plotWidth());
        const Micro base = points.isEmpty() ? 0 : points.first().total;
        for (const auto &p : points) {
            // Steps: the total holds until the next charge, it does not slope towards it.
            if (!line.isEmpty())
                line.append(QPointF(double(p.atMs), line.last().y()));
            line.append(QPointF(double(p.atMs), units(p.total - base)));
            top = std::max(top, p.total - base);
        }
        lines.append(line);
    }
    const auto y = dashboard::niceAxis(units(top), 0.01);
    m_cumulative->setLines(lines, from, to, y.min, y.max);

    const QList<Micro> daily = series.dailyForMonth(today);
    QStringList days;
    QStringList dates;
    QList<double> values;
    Micro most = 0;
    for (qsizetype d = 0; d < daily.size(); ++d) {
        days.append(QString::number(d + 1));
        dates.append(QLocale().toString(first.addDays(d), QLocale::ShortFormat));
        values.append(units(daily[d]));
        most = std::max(most, daily[d]);
    }
    // In the title: Qt Charts 6.4 elides a category axis' title to the width of one category.
    m_daily->setTitle(tr("Spend per day, %1 %2", "month, year")
                          .arg(QLocale().standaloneMonthName(first.month()))
                          .arg(first.year()));
    m_daily->setBars(days, values, dashboard::niceAxis(units(most), 0.01).max, dates);
}

} // namespace suanli::ui::charts
