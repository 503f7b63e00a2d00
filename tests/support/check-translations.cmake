# tst_translations: every message the app shows is in translations/*.ts and translated.
# Runs lupdate over the same sources as the build (ui/CMakeLists.txt) into copies of the
# committed .ts files; a message that is new (a tr() nobody translated) or unfinished fails.
#   cmake -DLUPDATE=… -DSOURCES_LIST=… -DTS_DIR=… -DWORK_DIR=… -P check-translations.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(problems "")
foreach(lang IN ITEMS en zh_Hans zh_Hant)
    set(copy "${WORK_DIR}/suanli_${lang}.ts")
    configure_file("${TS_DIR}/suanli_${lang}.ts" "${copy}" COPYONLY)
    execute_process(
        COMMAND "${LUPDATE}" -no-obsolete -locations none "@${SOURCES_LIST}" -ts "${copy}"
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "lupdate failed for ${lang} (${rc}):\n${out}\n${err}")
    endif()
    file(READ "${copy}" content)
    # Each unfinished message, with its source text, for the report.
    string(REGEX MATCHALL "<source>[^<]*</source>[ \n\t]*(<comment>[^<]*</comment>[ \n\t]*)?<translation type=\"unfinished\""
           unfinished "${content}")
    list(LENGTH unfinished count)
    if(count GREATER 0)
        string(APPEND problems "\n${lang}: ${count} message(s) missing or untranslated:")
        foreach(entry IN LISTS unfinished)
            string(REGEX REPLACE "^<source>([^<]*)</source>.*" "\\1" text "${entry}")
            string(APPEND problems "\n  ${text}")
        endforeach()
    endif()
endforeach()
if(problems)
    message(FATAL_ERROR "Translations are not current.${problems}\n"
            "Run `cmake --build <build> --target suanli_ui_lupdate`, then translate the new "
            "messages in translations/suanli_{en,zh_Hans,zh_Hant}.ts.")
endif()
message(STATUS "translations: en, zh_Hans and zh_Hant are complete")
