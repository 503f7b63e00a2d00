#include "payoutpanel.h"

#include "protocol/money.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace suanli::ui {

PayoutPanel::PayoutPanel(app::MoneyController *money, std::function<QString(Micro)> format,
                         QWidget *parent)
    : QWidget(parent)
    , m_money(money)
    , m_format(std::move(format))
    , m_earned(new QLabel(this))
    , m_withdrawable(new QLabel(this))
    , m_requested(new QLabel(this))
    , m_paid(new QLabel(this))
    , m_message(new QLabel(this))
    , m_request(new QPushButton(tr("Request payout…"), this))
    , m_table(new QTableWidget(0, 5, this))
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_withdrawable->setObjectName(u"withdrawableLabel"_s);
    form->addRow(tr("Earned:"), m_earned);
    form->addRow(tr("Withdrawable:"), m_withdrawable);
    form->addRow(tr("Requested:"), m_requested);
    form->addRow(tr("Paid out:"), m_paid);
    layout->addLayout(form);
    auto *row = new QHBoxLayout;
    m_request->setObjectName(u"requestPayoutButton"_s);
    row->addWidget(m_request);
    m_message->setWordWrap(true);
    row->addWidget(m_message, 1);
    layout->addLayout(row);
    m_table->setObjectName(u"payoutTable"_s);
    m_table->setHorizontalHeaderLabels(
        {tr("Requested"), tr("Amount"), tr("Destination"), tr("State"), tr("Note")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMinimumHeight(120);
    layout->addWidget(m_table);

    connect(m_request, &QPushButton::clicked, this, &PayoutPanel::openRequestDialog);
    connect(m_money, &app::MoneyController::payoutsChanged, this, &PayoutPanel::update);
    connect(m_money, &app::MoneyController::payoutRequested, this,
            [this](const protocol::Payout &payout) {
                m_message->setText(
                    tr("Payout of %1 requested.").arg(m_format(payout.amount_micro)));
            });
    connect(m_money, &app::MoneyController::payoutFailed, this, [this](const Error &error) {
        m_message->setText(tr("The market refused the payout: %1").arg(error.message));
    });
    update();
}

void PayoutPanel::openRequestDialog()
{
    if (m_dialog) {
        m_dialog->raise();
        return;
    }
    m_dialog = new QDialog(this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setWindowTitle(tr("Request payout"));
    auto *form = new QFormLayout(m_dialog);
    auto *amount = new QLineEdit(m_dialog);
    amount->setObjectName(u"payoutAmountEdit"_s);
    amount->setPlaceholderText(
        tr("At most %1").arg(m_format(m_money->summary().withdrawable_micro)));
    auto *destination = new QLineEdit(m_dialog);
    destination->setObjectName(u"payoutDestinationEdit"_s);
    destination->setPlaceholderText(tr("e.g. alipay:you@example.com or a bank account"));
    auto *note = new QLabel(m_dialog);
    note->setWordWrap(true);
    note->setText(tr("Earnings can be paid out %n day(s) after they were earned. The operator "
                     "approves the request and then makes the transfer.",
                     nullptr, int(m_money->summary().hold_days)));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, m_dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Request"));
    form->addRow(tr("Amount:"), amount);
    form->addRow(tr("Destination:"), destination);
    form->addRow(note);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, m_dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, m_dialog, [this, amount, destination, note] {
        const auto micro = parseMoney(amount->text().trimmed());
        if (!micro || *micro <= 0) {
            note->setText(tr("Enter a positive amount with at most 6 decimals."));
            return;
        }
        if (*micro > m_money->summary().withdrawable_micro) {
            note->setText(tr("At most %1 is withdrawable now.")
                              .arg(m_format(m_money->summary().withdrawable_micro)));
            return;
        }
        if (destination->text().trimmed().isEmpty()) {
            note->setText(tr("Say where the money should go."));
            return;
        }
        m_message->setText(tr("Sending the request…"));
        m_money->requestPayout(*micro, destination->text().trimmed());
        m_dialog->accept();
    });
    m_dialog->open(); // window-modal, no nested event loop
}

QString PayoutPanel::stateText(const QString &state) const
{
    if (state == "requested"_L1)
        return tr("Requested");
    if (state == "approved"_L1)
        return tr("Approved");
    if (state == "paid"_L1)
        return tr("Paid");
    if (state == "rejected"_L1)
        return tr("Rejected");
    return state;
}

void PayoutPanel::update()
{
    const auto &s = m_money->summary();
    m_earned->setText(m_format(s.earned_micro));
    m_withdrawable->setText(m_format(s.withdrawable_micro));
    m_requested->setText(m_format(s.requested_micro));
    m_paid->setText(m_format(s.paid_micro));
    m_request->setEnabled(m_money->hasSummary() && s.withdrawable_micro > 0);
    const auto &list = m_money->payouts();
    m_table->setRowCount(int(list.size()));
    const QLocale locale;
    for (int i = 0; i < list.size(); ++i) {
        const auto &p = list[i];
        const QString note = p.state == "rejected"_L1 ? p.reason
                             : p.state == "paid"_L1   ? p.reference
                                                      : QString();
        const QStringList cells = {
            locale.toString(p.requested_at.toLocalTime(), QLocale::ShortFormat),
            m_format(p.amount_micro), p.destination, stateText(p.state), note};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
}

} // namespace suanli::ui
