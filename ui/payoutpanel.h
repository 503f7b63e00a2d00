#pragma once

#include "app/moneycontroller.h"

#include <QWidget>

#include <functional>

class QDialog;
class QLabel;
class QPushButton;
class QTableWidget;

namespace suanli::ui {

/// The Lend page's payouts (issue 18): earned, withdrawable, requested and paid, "Request
/// payout…" (amount and destination) and the list of payouts with their states.
class PayoutPanel : public QWidget
{
    Q_OBJECT
public:
    PayoutPanel(app::MoneyController *money, std::function<QString(Micro)> format,
                QWidget *parent = nullptr);

    QLabel *withdrawableLabel() { return m_withdrawable; }
    QPushButton *requestButton() { return m_request; }
    QTableWidget *table() { return m_table; }
    /// The request dialog while it is open (tests, screenshots).
    QDialog *requestDialog() { return m_dialog; }
    /// Opens the request dialog (non-modal: the page keeps updating behind it).
    void openRequestDialog();

private:
    void update();
    QString stateText(const QString &state) const;

    app::MoneyController *m_money;
    std::function<QString(Micro)> m_format;
    QLabel *m_earned;
    QLabel *m_withdrawable;
    QLabel *m_requested;
    QLabel *m_paid;
    QLabel *m_message;
    QPushButton *m_request;
    QTableWidget *m_table;
    QDialog *m_dialog = nullptr;
};

} // namespace suanli::ui
