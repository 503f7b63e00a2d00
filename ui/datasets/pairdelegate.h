#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace suanli::ui {

/// Draws a folder pair of the Datasets list: the folder, where it goes, and a line of state
/// (a thin progress bar while it syncs, the last error in red).
class PairDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    /// `instanceText` names a pair's instance by its id ("llama · running", "not chosen").
    PairDelegate(std::function<QString(const QString &instanceId)> instanceText,
                 QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The state line of a pair row (also the tooltip).
    static QString stateText(const QModelIndex &index);

private:
    std::function<QString(const QString &)> m_instanceText;
};

} // namespace suanli::ui
