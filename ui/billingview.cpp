#include "billingview.h"

#include "app/moneyformat.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
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
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
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
    layout->addWidget(m_table, 1);

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

void BillingView::updateBalance()
{
    m_balance->setText(m_controller->hasBalance()
                           ? app::formatMoney(m_controller->balance(), m_controller->currency(), QLocale())
                           : tr("…"));
}

} // namespace suanli::ui
