#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace suanli::ui {

/// What a pane shows instead of an empty table: loading, empty, no match, or an error with
/// what to do and a button for it.
class StateWidget : public QWidget
{
    Q_OBJECT
public:
    explicit StateWidget(QWidget *parent = nullptr);

    void showLoading(const QString &title);
    void showMessage(const QString &title, const QString &detail, const QString &action = {});
    void showError(const QString &title, const QString &detail, const QString &action = {});

signals:
    void actionClicked();

private:
    QLabel *m_title;
    QLabel *m_detail;
    QPushButton *m_action;
};

} // namespace suanli::ui
