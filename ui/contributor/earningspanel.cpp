#include "earningspanel.h"

#include "ui/charts/barchart.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace suanli::ui {

using contributor::ContributorController;

EarningsPanel::EarningsPanel(ContributorController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_money(TrayText::moneyFormat({}, controller))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_alarms = new QLabel(this);
    m_alarms->setWordWrap(true);
    // An alarm must be seen: a framed, coloured box above the figures, not a line among them.
    m_alarms->setStyleSheet(u"QLabel { background: #fdecea; color: #8c1d18; border: 1px solid "
                            "#f2b8b5; border-radius: 4px; padding: 6px; }"_s);
    m_alarms->hide();
    layout->addWidget(m_alarms);
    auto *figures = new QFormLayout;
    m_today = new QLabel(this);
    m_month = new QLabel(this);
    for (QLabel *l : {m_today, m_month})
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    figures->addRow(tr("Today:"), m_today);
    figures->addRow(tr("This month:"), m_month);
    layout->addLayout(figures);
    m_chart = new charts::BarChart(tr("Earned per day"), QString(), this);
    m_chart->setMinimumHeight(200);
    layout->addWidget(m_chart);
    m_ledger = new QTableWidget(0, 3, this);
    m_ledger->setHorizontalHeaderLabels({tr("When"), tr("What"), tr("Earned")});
    m_ledger->verticalHeader()->hide();
    m_ledger->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ledger->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ledger->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_ledger->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_ledger->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_ledger->setMinimumHeight(140);
    layout->addWidget(new QLabel(tr("Earnings this month (ledger):"), this));
    layout->addWidget(m_ledger);

    connect(controller, &ContributorController::earningsChanged, this,
            &EarningsPanel::updateEarnings);
    connect(controller, &ContributorController::ledgerChanged, this, &EarningsPanel::updateLedger);
    connect(controller, &ContributorController::alarmsChanged, this, &EarningsPanel::updateAlarms);
    updateEarnings();
    updateLedger();
    updateAlarms();
}

void EarningsPanel::setMoneyFormat(TrayText::MoneyFormat format)
{
    m_money = TrayText::moneyFormat(std::move(format), m_controller);
    updateEarnings();
    updateLedger();
}

void EarningsPanel::updateEarnings()
{
    m_today->setText(m_money(m_controller->earnedToday()));
    m_month->setText(m_money(m_controller->earnedThisMonth()));
    const QDate today = m_controller->today();
    QStringList categories;
    QStringList names;
    QList<double> values;
    double top = 0;
    for (int d = 1; d <= today.day(); ++d) {
        const QDate day(today.year(), today.month(), d);
        const double value =
            double(m_controller->earnings().on(day)) / double(kMicroPerUnit);
        categories.append(QString::number(d));
        names.append(QLocale().toString(day, QLocale::ShortFormat));
        values.append(value);
        top = std::max(top, value);
    }
    // A round top a little above the best day, so the tallest bar does not touch the frame.
    const double yMax = top <= 0 ? 1.0 : std::ceil(top * 1.2 * 10) / 10;
    // Past 12 bars the days are not labelled on the axis (BarChart): the title says which month.
    m_chart->setTitle(tr("Earned per day, %1 %2", "month, year")
                          .arg(QLocale().standaloneMonthName(today.month()))
                          .arg(today.year()));
    m_chart->setValueFormatter([this](double v) { return m_money(qRound64(v * kMicroPerUnit)); });
    m_chart->setBars(categories, values, yMax, names);
}

void EarningsPanel::updateLedger()
{
    const QList<protocol::LedgerEntry> &entries = m_controller->ledger();
    m_ledger->setRowCount(int(entries.size()));
    // Newest first: the owner looks for what came in last.
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const protocol::LedgerEntry &e = entries[entries.size() - 1 - i];
        const int row = int(i);
        m_ledger->setItem(row, 0, new QTableWidgetItem(QLocale().toString(
                                      e.at.toLocalTime(), QLocale::ShortFormat)));
        QString what = e.description;
        if (what.isEmpty())
            what = e.instance_id ? tr("Rental #%1").arg(e.instance_id) : tr("Earning");
        m_ledger->setItem(row, 1, new QTableWidgetItem(what));
        auto *amount = new QTableWidgetItem(m_money(e.amount_micro));
        amount->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_ledger->setItem(row, 2, amount);
    }
}

void EarningsPanel::updateAlarms()
{
    QStringList lines;
    for (ContributorController::Alarm a : m_controller->alarms()) {
        QString line = TrayText::alarmText(a);
        if (a == ContributorController::Alarm::GpuNotVisibleInContainers &&
            !m_controller->gpuVisibilityDetail().isEmpty())
            line += u" ("_s + m_controller->gpuVisibilityDetail() + u')';
        lines.append(u"⚠ "_s + line);
    }
    m_alarms->setText(lines.join(u'\n'));
    m_alarms->setVisible(!lines.isEmpty());
}

} // namespace suanli::ui
