#pragma once

#include "app/dashboard/spendtracker.h"
#include "app/defaultclock.h"

#include <QWidget>

class QLabel;

namespace suanli::ui::charts {

class BarChart;
class TimeChart;

/// What the renter spends: the burn rate per hour and how long the balance lasts at it, the
/// cumulative spend this month (the account and each instance), and a bar per day.
class SpendWidget : public QWidget
{
    Q_OBJECT
public:
    explicit SpendWidget(dashboard::SpendTracker *tracker, QWidget *parent = nullptr);

    /// The app's clock (tests pass a manual one); months and days are local time.
    void setClock(const Clock &clock) { m_clock = &clock; }
    void refresh();

    // For tests.
    QString burnText() const;
    QString runwayText() const;
    TimeChart *cumulativeChart() const { return m_cumulative; }
    BarChart *dailyChart() const { return m_daily; }

private:
    QDateTime now() const;

    dashboard::SpendTracker *m_tracker;
    const Clock *m_clock = &app::defaultClock();
    QLabel *m_burn;
    QLabel *m_runway;
    TimeChart *m_cumulative;
    BarChart *m_daily;
};

} // namespace suanli::ui::charts
