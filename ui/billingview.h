#pragma once

#include "app/billingcontroller.h"
#include "app/moneycontroller.h"

#include <QPointer>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;

namespace suanli::ui {

/// Balance, the ledger, CSV export and voucher redemption.
class BillingView : public QWidget
{
    Q_OBJECT
public:
    explicit BillingView(app::BillingController *controller, QWidget *parent = nullptr);

    QTableView *table() { return m_table; }
    QLineEdit *voucherEdit() { return m_voucher; }
    QPushButton *redeemButton() { return m_redeem; }
    /// Puts the spend charts (docs/dashboard.md) above the ledger.
    void setSpend(QWidget *spend);
    QWidget *spend() { return m_spend; }
    /// The account's own low-balance threshold (0: none), as the market has it.
    void setLowBalance(Micro threshold);
    /// What the market answered to lowBalanceRequested: the new threshold, or an error.
    void lowBalanceSaved(const Result<Micro> &result);
    QLineEdit *lowBalanceEdit() { return m_lowBalance; }
    QPushButton *lowBalanceButton() { return m_lowBalanceSave; }
    QLabel *messageLabel() { return m_message; }
    // ---- money in (issue 18) ----
    /// Adds "Top up…", which opens the top-up orders (ui/topupdialog.h).
    void setMoney(app::MoneyController *money);
    QPushButton *topUpButton() { return m_topUp; }
    /// The top-up dialog while it is open (tests, screenshots).
    QWidget *topUpDialog() { return m_topUpDialog; }
    void openTopUp();
    // ---- end money ----

signals:
    /// The user set the threshold below which the market warns (0: only the runway warnings).
    void lowBalanceRequested(Micro threshold);

private:
    void updateBalance();

    app::BillingController *m_controller;
    QLabel *m_balance;
    QLineEdit *m_voucher;
    QPushButton *m_redeem;
    QLabel *m_message;
    QPushButton *m_export;
    QTableView *m_table;
    QLineEdit *m_lowBalance;
    QPushButton *m_lowBalanceSave;
    QWidget *m_spend = nullptr;
    QSplitter *m_splitter;
    // ---- money in (issue 18) ----
    QHBoxLayout *m_topRow = nullptr;
    app::MoneyController *m_money = nullptr;
    QPushButton *m_topUp = nullptr;
    QPointer<QWidget> m_topUpDialog;
    // ---- end money ----
};

} // namespace suanli::ui
