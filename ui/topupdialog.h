#pragma once

#include "app/moneycontroller.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace suanli::ui {

/// "Top up…" of the Billing page (issue 18): asks the market for a top-up order of an amount,
/// shows the reference to pay with, and lists the account's orders (pending, paid, expired).
/// Never waits: the order and the list arrive through the controller's signals.
class TopUpDialog : public QDialog
{
    Q_OBJECT
public:
    TopUpDialog(app::MoneyController *money, std::function<QString(Micro)> format,
                QWidget *parent = nullptr);

    QLineEdit *amountEdit() { return m_amount; }
    QPushButton *createButton() { return m_create; }
    QLabel *referenceLabel() { return m_reference; }
    QTableWidget *table() { return m_table; }

private:
    void create();
    void updateTable();
    QString stateText(const QString &state) const;

    app::MoneyController *m_money;
    std::function<QString(Micro)> m_format;
    QLineEdit *m_amount;
    QPushButton *m_create;
    QLabel *m_reference;
    QTableWidget *m_table;
};

} // namespace suanli::ui
