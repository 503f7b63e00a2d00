#pragma once

#include "app/billingcontroller.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
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

private:
    void updateBalance();

    app::BillingController *m_controller;
    QLabel *m_balance;
    QLineEdit *m_voucher;
    QPushButton *m_redeem;
    QLabel *m_message;
    QPushButton *m_export;
    QTableView *m_table;
};

} // namespace suanli::ui
