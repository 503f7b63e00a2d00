#pragma once

#include <QStyledItemDelegate>

namespace suanli::ui {

/// Draws the State column with a progress bar while an instance is on its way somewhere.
class InstanceDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace suanli::ui
