// The Datasets page of the main window (issue 6): pairs of local folder and instance path,
// Sync now, progress and history. Built only when sync/ is part of the build.

#include "mainwindow.h"

namespace suanli::ui {

void MainWindow::setupDatasets()
{
#ifdef SUANLI_HAVE_DATASETS
#endif
}

} // namespace suanli::ui
