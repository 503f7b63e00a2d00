#include "topupdialog.h"

#include "protocol/money.h"

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

TopUpDialog::TopUpDialog(app::MoneyController *money, std::function<QString(Micro)> format,
                         QWidget *parent)
    : QDialog(parent)
    , m_money(money)
    , m_format(std::move(format))
    , m_amount(new QLineEdit(this))
    , m_create(new QPushButton(tr("Create order"), this))
    , m_reference(new QLabel(this))
    , m_table(new QTableWidget(0, 5, this))
{
    setWindowTitle(tr("Top up"));
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_amount->setObjectName(u"topUpAmountEdit"_s);
    m_amount->setPlaceholderText(tr("Amount, e.g. 100 or 12.50"));
    row->addWidget(new QLabel(tr("Amount:"), this));
    row->addWidget(m_amount, 1);
    m_create->setObjectName(u"topUpCreateButton"_s);
    row->addWidget(m_create);
    layout->addLayout(row);
    m_reference->setObjectName(u"topUpReferenceLabel"_s);
    m_reference->setWordWrap(true);
    m_reference->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reference->setText(tr("The balance grows once the payment for an order is confirmed."));
    layout->addWidget(m_reference);
    m_table->setObjectName(u"topUpTable"_s);
    m_table->setHorizontalHeaderLabels(
        {tr("Reference"), tr("Amount"), tr("State"), tr("Created"), tr("Expires")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    // A reference and a time read whole: their columns fit their text, not a fixed width.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 420);

    connect(m_create, &QPushButton::clicked, this, &TopUpDialog::create);
    connect(m_amount, &QLineEdit::returnPressed, this, &TopUpDialog::create);
    connect(m_money, &app::MoneyController::topUpsChanged, this, &TopUpDialog::updateTable);
    connect(
        m_money, &app::MoneyController::topUpCreated, this,
        [this](const protocol::TopUpOrder &order) {
            m_create->setEnabled(true);
            m_amount->clear();
            m_reference->setText(
                tr("Order created. Pay %1 quoting the reference <b>%2</b> before %3; the "
                   "balance grows once the payment is confirmed.")
                    .arg(m_format(order.amount_micro), order.reference.toHtmlEscaped(),
                         QLocale().toString(order.expires_at.toLocalTime(), QLocale::ShortFormat)));
        });
    connect(m_money, &app::MoneyController::topUpFailed, this, [this](const Error &error) {
        m_create->setEnabled(true);
        m_reference->setText(tr("The market refused the order: %1").arg(error.message));
    });
    connect(m_money, &app::MoneyController::topUpPaid, this,
            [this](const protocol::TopUpOrder &order) {
                m_reference->setText(tr("Paid: %1 (%2) was credited.")
                                         .arg(order.reference, m_format(order.amount_micro)));
            });
    updateTable();
    m_money->reloadTopUps();
}

void TopUpDialog::create()
{
    const auto amount = parseMoney(m_amount->text().trimmed());
    if (!amount || *amount <= 0) {
        m_reference->setText(tr("Enter a positive amount with at most 6 decimals, e.g. 100 or "
                                "12.50."));
        return;
    }
    m_create->setEnabled(false); // until the market answers
    m_reference->setText(tr("Asking the market for an order…"));
    m_money->createTopUp(*amount);
}

QString TopUpDialog::stateText(const QString &state) const
{
    if (state == "pending"_L1)
        return tr("Pending");
    if (state == "paid"_L1)
        return tr("Paid");
    if (state == "expired"_L1)
        return tr("Expired");
    return state;
}

void TopUpDialog::updateTable()
{
    const auto &orders = m_money->topUps();
    m_table->setRowCount(int(orders.size()));
    const QLocale locale;
    for (int i = 0; i < orders.size(); ++i) {
        const auto &o = orders[i];
        const QStringList cells = {
            o.reference, m_format(o.amount_micro), stateText(o.state),
            locale.toString(o.created_at.toLocalTime(), QLocale::ShortFormat),
            locale.toString(o.expires_at.toLocalTime(), QLocale::ShortFormat)};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
}

} // namespace suanli::ui
