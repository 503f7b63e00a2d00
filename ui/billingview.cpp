#include "billingview.h"

#include "app/moneyformat.h"
#include "topupdialog.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using suanli::app::LedgerModel;

namespace suanli::ui {

BillingView::BillingView(app::BillingController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_balance(new QLabel(this))
    , m_voucher(new QLineEdit(this))
    , m_redeem(new QPushButton(tr("Redeem"), this))
    , m_message(new QLabel(this))
    , m_export(new QPushButton(tr("Export CSV…"), this))
    , m_table(new QTableView(this))
    , m_lowBalance(new QLineEdit(this))
    , m_lowBalanceSave(new QPushButton(tr("Set"), this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_topRow = top;
    auto *balanceBox = new QVBoxLayout;
    auto *caption = new QLabel(tr("Balance"), this);
    balanceBox->addWidget(caption);
    QFont big = m_balance->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    m_balance->setFont(big);
    m_balance->setObjectName(u"balanceLabel"_s);
    balanceBox->addWidget(m_balance);
    top->addLayout(balanceBox);
    top->addStretch(1);
    m_voucher->setObjectName(u"voucherEdit"_s);
    m_voucher->setPlaceholderText(tr("Voucher code"));
    m_voucher->setMinimumWidth(240);
    top->addWidget(m_voucher);
    m_redeem->setObjectName(u"redeemButton"_s);
    top->addWidget(m_redeem);
    top->addWidget(m_export);
    layout->addLayout(top);
    // The market warns at 24 h and 1 h of runway on its own; this adds the renter's own line.
    auto *warnRow = new QHBoxLayout;
    auto *warnLabel = new QLabel(tr("Warn me when the balance falls below"), this);
    warnRow->addWidget(warnLabel);
    m_lowBalance->setObjectName(u"lowBalanceEdit"_s);
    m_lowBalance->setPlaceholderText(tr("No amount set"));
    m_lowBalance->setMaximumWidth(140);
    m_lowBalance->setToolTip(tr("The market sends a warning (a desktop notification) when your "
                                "balance drops below this amount, even while the app is closed. "
                                "Empty: only the warnings at 24 h and 1 h of runway."));
    warnLabel->setBuddy(m_lowBalance);
    warnRow->addWidget(m_lowBalance);
    m_lowBalanceSave->setObjectName(u"lowBalanceButton"_s);
    warnRow->addWidget(m_lowBalanceSave);
    warnRow->addStretch(1);
    layout->addLayout(warnRow);
    m_message->setObjectName(u"billingMessage"_s);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    m_table->setObjectName(u"ledgerTable"_s);
    m_table->setModel(controller->model());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(LedgerModel::Time, 170);
    m_table->setColumnWidth(LedgerModel::Kind, 120);
    m_table->setColumnWidth(LedgerModel::Description, 220);
    m_table->setColumnWidth(LedgerModel::Amount, 140);
    m_splitter->setObjectName(u"billingSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_table);
    layout->addWidget(m_splitter, 1);

    auto saveLowBalance = [this] {
        const QString text = m_lowBalance->text().trimmed();
        const std::optional<Micro> amount = text.isEmpty() ? std::optional<Micro>(0)
                                                           : app::parseMoney(text);
        m_message->setStyleSheet(u"color: #b42318;"_s);
        if (!amount || *amount < 0) {
            m_message->setText(tr("“%1” is not an amount. Type a number such as 20 or 12.50.")
                                   .arg(text));
            return;
        }
        m_lowBalanceSave->setEnabled(false);
        m_message->setStyleSheet(QString());
        m_message->setText(tr("Saving…"));
        emit lowBalanceRequested(*amount);
    };
    connect(m_lowBalanceSave, &QPushButton::clicked, this, saveLowBalance);
    connect(m_lowBalance, &QLineEdit::returnPressed, this, saveLowBalance);

    connect(m_voucher, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_redeem->setEnabled(!text.trimmed().isEmpty()); });
    m_redeem->setEnabled(false);
    auto redeem = [this] {
        if (m_voucher->text().trimmed().isEmpty())
            return;
        m_redeem->setEnabled(false);
        m_message->setStyleSheet(QString());
        m_message->setText(tr("Redeeming…"));
        m_controller->redeem(m_voucher->text());
    };
    connect(m_redeem, &QPushButton::clicked, this, redeem);
    connect(m_voucher, &QLineEdit::returnPressed, this, redeem);
    connect(controller, &app::BillingController::redeemed, this, [this](qint64 balance) {
        m_voucher->clear();
        m_message->setStyleSheet(QString());
        m_message->setText(tr("Voucher redeemed. Your balance is now %1.")
                               .arg(app::formatMoney(balance, m_controller->currency(), QLocale())));
    });
    connect(controller, &app::BillingController::redeemFailed, this, [this](const Error &error) {
        m_redeem->setEnabled(true);
        m_message->setStyleSheet(u"color: #b42318;"_s);
        if (error.code == "voucher_not_found"_L1)
            m_message->setText(tr("No voucher has this code. Check it and try again."));
        else if (error.code == "voucher_redeemed"_L1)
            m_message->setText(tr("This voucher was already redeemed."));
        else
            m_message->setText(tr("Cannot redeem the voucher: %1").arg(error.message));
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Export the ledger"),
                                       QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                           + u"/suanli-ledger.csv"_s,
                                       tr("CSV files (*.csv)"));
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setDefaultSuffix(u"csv"_s);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this,
                [this](const QString &path) { m_controller->exportCsv(path); });
        dialog->open();
    });
    connect(controller, &app::BillingController::exported, this, [this](const QString &path) {
        m_message->setStyleSheet(QString());
        m_message->setText(tr("Ledger saved to %1.").arg(path));
    });
    connect(controller, &app::BillingController::exportFailed, this, [this](const Error &error) {
        m_message->setStyleSheet(u"color: #b42318;"_s);
        m_message->setText(tr("Cannot export the ledger: %1").arg(error.message));
    });
    connect(controller, &app::BillingController::loadFailed, this, [this](const Error &error) {
        m_message->setStyleSheet(u"color: #b42318;"_s);
        m_message->setText(tr("Cannot load the ledger: %1").arg(error.message));
    });
    connect(controller, &app::BillingController::balanceChanged, this, &BillingView::updateBalance);
    updateBalance();
}

void BillingView::setSpend(QWidget *spend)
{
    m_spend = spend;
    m_splitter->insertWidget(0, spend);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
}

void BillingView::setLowBalance(Micro threshold)
{
    m_lowBalance->setText(threshold > 0 ? app::formatMoney(threshold, QString(), QLocale::c(), 2, 6)
                                              .remove(QLatin1Char(',')).trimmed()
                                        : QString());
}

void BillingView::lowBalanceSaved(const Result<Micro> &result)
{
    m_lowBalanceSave->setEnabled(true);
    if (!result) {
        m_message->setStyleSheet(u"color: #b42318;"_s);
        m_message->setText(tr("Cannot save the warning: %1").arg(result.error().message));
        return;
    }
    setLowBalance(*result);
    m_message->setStyleSheet(QString());
    m_message->setText(*result > 0
                           ? tr("You will be warned when your balance falls below %1.")
                                 .arg(app::formatMoney(*result, m_controller->currency(), QLocale()))
                           : tr("Only the market's own warnings (24 h and 1 h of runway) stay on."));
}

void BillingView::updateBalance()
{
    m_balance->setText(m_controller->hasBalance()
                           ? app::formatMoney(m_controller->balance(), m_controller->currency(), QLocale())
                           : tr("…"));
}

// ---- money in (issue 18) ----
void BillingView::setMoney(app::MoneyController *money)
{
    if (m_money)
        return;
    m_money = money;
    m_topUp = new QPushButton(tr("Top up…"), this);
    m_topUp->setObjectName(u"topUpButton"_s);
    m_topRow->insertWidget(m_topRow->indexOf(m_voucher), m_topUp);
    connect(m_topUp, &QPushButton::clicked, this, &BillingView::openTopUp);
}

void BillingView::openTopUp()
{
    if (m_topUpDialog) {
        m_topUpDialog->raise();
        m_topUpDialog->activateWindow();
        return;
    }
    auto *dialog = new TopUpDialog(
        m_money,
        [controller = m_controller](Micro amount) {
            return app::formatMoney(amount, controller->currency(), QLocale());
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_topUpDialog = dialog;
    dialog->show(); // not modal: the ledger keeps updating behind it
}
// ---- end money ----

} // namespace suanli::ui
