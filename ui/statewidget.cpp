#include "statewidget.h"

#include <QFontMetrics>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace suanli::ui {

StateWidget::StateWidget(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_action(new QPushButton(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_detail->setAlignment(Qt::AlignCenter);
    m_detail->setWordWrap(true);
    m_detail->setMaximumWidth(560);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    layout->addWidget(m_detail, 0, Qt::AlignHCenter);
    layout->addWidget(m_action, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, &StateWidget::actionClicked);
}

void StateWidget::showLoading(const QString &title)
{
    showMessage(title, tr("This takes a moment."));
}

void StateWidget::showMessage(const QString &title, const QString &detail, const QString &action)
{
    m_title->setStyleSheet(QString());
    m_title->setText(title);
    m_detail->setText(detail);
    // A word-wrapped label placed with an alignment is given its size hint, which stayed as
    // narrow as the loading text's: the empty catalog's detail showed as "No host lists a"
    // (docs/screenshots/installed.png before this). A minimum of the longest line's width, up
    // to the 560 it wraps at, keeps the whole text.
    int widest = 0;
    for (const QString &line : detail.split(QLatin1Char('\n')))
        widest = qMax(widest, m_detail->fontMetrics().horizontalAdvance(line));
    m_detail->setMinimumWidth(qMin(widest + 2, m_detail->maximumWidth()));
    m_action->setText(action);
    m_action->setVisible(!action.isEmpty());
}

void StateWidget::showError(const QString &title, const QString &detail, const QString &action)
{
    showMessage(title, detail, action);
    m_title->setStyleSheet(QStringLiteral("color: #b42318;"));
}

} // namespace suanli::ui
