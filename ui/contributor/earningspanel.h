#pragma once

#include "traytext.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace suanli::ui {

namespace charts {
class BarChart;
}

/// The Lend view's earnings: today and this month, a bar per day of this month (UTC days, as
/// the market counts them), the month's earning entries of the ledger, and the alarms.
class EarningsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit EarningsPanel(contributor::ContributorController *controller,
                           QWidget *parent = nullptr);

    void setMoneyFormat(TrayText::MoneyFormat format);

    // For tests.
    QLabel *todayLabel() const { return m_today; }
    QLabel *monthLabel() const { return m_month; }
    QLabel *alarmsLabel() const { return m_alarms; }
    charts::BarChart *chart() const { return m_chart; }
    QTableWidget *ledgerTable() const { return m_ledger; }

private:
    void updateEarnings();
    void updateLedger();
    void updateAlarms();

    contributor::ContributorController *m_controller;
    TrayText::MoneyFormat m_money; ///< always set: TrayText::moneyFormat
    QLabel *m_today = nullptr;
    QLabel *m_month = nullptr;
    QLabel *m_alarms = nullptr;
    charts::BarChart *m_chart = nullptr;
    QTableWidget *m_ledger = nullptr;
};

} // namespace suanli::ui
