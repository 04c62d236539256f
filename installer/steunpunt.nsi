; Steunpunt's Windows installer (NSIS 3, MUI2, in Dutch): a per-user install without
; administrator rights. installer/build.py compiles it after the frozen build:
;
;   makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DSOURCE=build\installer\dist\Steunpunt
;            -DICON=build\installer\steunpunt.ico -DOUTFILE=Steunpunt-0.1.0-installatie.exe
;            installer\steunpunt.nsi
;
; For IT (see README, "Installeren op Windows"):
;   Steunpunt-<versie>-installatie.exe /S                     silent, into %LOCALAPPDATA%\Programs\Steunpunt
;   ... /S /DATAMAP="H:\Steunpunt"                            the data folder, written to datamap.txt
;   ... /S /BUREAUBLAD                                        also a desktop shortcut
;   ... /S /D=C:\Pad\Naar\Steunpunt                           another program folder (last, no quotes)
;   "%LOCALAPPDATA%\Programs\Steunpunt\Verwijderen.exe" /S    silent uninstall: the data always stays
; Exit codes: 0 done, 1 cancelled, 2 refused (the program is running, no profile folder),
; 3 refused (the program folder's drive is gone or has too little room).

; 64-bit, like the frozen program (PySide6 has no 32-bit Windows build).
Target amd64-unicode
ManifestDPIAware true

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "nsDialogs.nsh"
!include "Sections.nsh"

!ifndef VERSION
  !error "Geef de versie mee: -DVERSION=0.1.0 (installer/build.py doet dat)"
!endif
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"
!endif
!ifndef SOURCE
  !define SOURCE "..\build\installer\dist\Steunpunt"
!endif
!ifndef ICON
  !define ICON "..\build\installer\steunpunt.ico"
!endif
!ifndef SIDE
  !define SIDE "..\build\installer\steunpunt-zijkant.bmp"
!endif
!ifndef COMPRESSOR
  !define COMPRESSOR "lzma"  ; the smallest download; CI on Linux passes zlib (4 min -> under 1)
!endif
!ifndef OUTFILE
  !define OUTFILE "Steunpunt-${VERSION}-installatie.exe"
!endif

!define PUBLISHER "Steunpunt"
!define PROGRAM "Steunpunt.exe"
!define CONSOLE "steunpunt-opdracht.exe"
!define UNINSTALLER "Verwijderen.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Steunpunt"
; platformdirs' user_data_dir("Steunpunt") on Windows (src/steunpunt/paths.py): the database,
; its key file, backups, settings and logs. Letters go to Documenten\Steunpunt brieven.
!define DATA_FOLDER "$LOCALAPPDATA\Steunpunt"

Name "Steunpunt ${VERSION}"
Caption "Steunpunt ${VERSION} installeren"
UninstallCaption "Steunpunt ${VERSION} verwijderen"
BrandingText "Steunpunt ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\Steunpunt"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
SetCompressor /SOLID ${COMPRESSOR}
ShowInstDetails hide
ShowUninstDetails hide

Var DataMap
Var RemoveData
Var RemoveDataBox

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_WELCOMEFINISHPAGE_BITMAP "${SIDE}"
!define MUI_ABORTWARNING
!define MUI_ABORTWARNING_TEXT "Wilt u de installatie van Steunpunt afbreken?"
!define MUI_WELCOMEPAGE_TITLE "Steunpunt ${VERSION} installeren"
!define MUI_WELCOMEPAGE_TEXT "Steunpunt registreert en ondersteunt mantelzorgers, zonder internet.$\r$\n$\r$\nDe installatie is alleen voor u: er zijn geen beheerdersrechten nodig. Het programma komt in uw eigen programmamap; uw gegevens (database, back-ups, instellingen) blijven apart bewaard en blijven staan bij een nieuwe versie of bij het verwijderen.$\r$\n$\r$\nSluit Steunpunt als het nog geopend is, en klik op Volgende."
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${PROGRAM}"
!define MUI_FINISHPAGE_RUN_TEXT "Steunpunt nu starten"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
UninstPage custom un.DataPage un.DataPageLeave
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Dutch"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=${LANG_DUTCH} "ProductName" "Steunpunt"
VIAddVersionKey /LANG=${LANG_DUTCH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_DUTCH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_DUTCH} "FileDescription" "Installatie van Steunpunt ${VERSION}"
VIAddVersionKey /LANG=${LANG_DUTCH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_DUTCH} "LegalCopyright" "EUPL-1.2"

; Refuses (exit code 2) while Steunpunt runs from $INSTDIR: Windows keeps a running program's
; file from being opened for writing. Nothing has been changed at that point.
!macro REFUSE_WHILE_RUNNING prefix
Function ${prefix}RefuseWhileRunning
  Push $0
  Push $1
  ${ForEach} $1 0 1 + 1
    ${If} $1 == 0
      StrCpy $0 "$INSTDIR\${PROGRAM}"
    ${Else}
      StrCpy $0 "$INSTDIR\${CONSOLE}"
    ${EndIf}
    ${DoWhile} ${FileExists} $0
      ClearErrors
      FileOpen $0 $0 a
      ${IfNot} ${Errors}
        FileClose $0
        ${Break}
      ${EndIf}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "Steunpunt is nog geopend. Sluit Steunpunt (ook een opdracht die nog loopt) en klik op Opnieuw.$\r$\n$\r$\nMet Annuleren stopt u; er is dan niets veranderd." /SD IDCANCEL IDRETRY retry
      SetErrorLevel 2
      Quit
      retry:
      ${If} $1 == 0
        StrCpy $0 "$INSTDIR\${PROGRAM}"
      ${Else}
        StrCpy $0 "$INSTDIR\${CONSOLE}"
      ${EndIf}
    ${Loop}
  ${Next}
  Pop $1
  Pop $0
FunctionEnd
!macroend
!insertmacro REFUSE_WHILE_RUNNING ""
!insertmacro REFUSE_WHILE_RUNNING "un."

!macro REFUSE_WITHOUT_PROFILE
  ${If} "$LOCALAPPDATA" == ""
    MessageBox MB_OK|MB_ICONSTOP "Windows geeft voor deze gebruiker geen persoonlijke programmamap (AppData\Local). Meld u aan met een gewoon gebruikersprofiel en probeer het opnieuw; er is niets veranderd." /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
!macroend

Section "Steunpunt (vereist)" SecProgram
  SectionIn RO
  Call RefuseWhileRunning
  Call RefuseWithoutRoom
  SetOutPath "$INSTDIR"
  ; A new version replaces the program's own files only; the data lives elsewhere.
  RMDir /r "$INSTDIR\_internal"
  File /r "${SOURCE}\*"
  ${If} $DataMap != ""
    FileOpen $0 "$INSTDIR\datamap.txt" w
    FileWrite $0 "# De gegevensmap, gekozen bij de installatie (/DATAMAP=).$\r$\n$DataMap$\r$\n"
    FileClose $0
  ${EndIf}
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  CreateShortcut "$SMPROGRAMS\Steunpunt.lnk" "$INSTDIR\${PROGRAM}" "" "$INSTDIR\${PROGRAM}" 0 SW_SHOWNORMAL "" "Steunpunt: registratie en ondersteuning van mantelzorgers"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Steunpunt"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${PROGRAM},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section /o "Snelkoppeling op het bureaublad" SecDesktop
  CreateShortcut "$DESKTOP\Steunpunt.lnk" "$INSTDIR\${PROGRAM}" "" "$INSTDIR\${PROGRAM}" 0
SectionEnd

; Refuses (exit code 3) when the program folder's drive is gone or has less room than the whole
; new program needs, checked before anything is removed or written: a full disk never leaves half
; a program (the old one's files are removed only when the new ones surely fit). The directory
; page shows the same in the window; this also holds for a silent install.
Function RefuseWithoutRoom
  SectionGetSize ${SecProgram} $0
  ${GetRoot} "$INSTDIR" $1
  ClearErrors
  ${DriveSpace} "$1\" "/D=F /S=K" $2
  ${If} ${Errors}
    MessageBox MB_OK|MB_ICONSTOP "De schijf $1 van de map $INSTDIR is niet bereikbaar. Kies een andere map of sluit de schijf aan; er is niets veranderd." /SD IDOK
    SetErrorLevel 3
    Quit
  ${EndIf}
  ${If} $2 < $0
    IntOp $0 $0 / 1024
    IntOp $2 $2 / 1024
    MessageBox MB_OK|MB_ICONSTOP "Er is te weinig ruimte op schijf $1: Steunpunt heeft $0 MB nodig, er is $2 MB vrij. Maak ruimte vrij of kies een andere map; er is niets veranderd." /SD IDOK
    SetErrorLevel 3
    Quit
  ${EndIf}
FunctionEnd

Function .onInit
  !insertmacro REFUSE_WITHOUT_PROFILE
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/DATAMAP=" $DataMap
  ${If} ${Errors}
    StrCpy $DataMap ""
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/BUREAUBLAD" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecDesktop}
  ${EndIf}
FunctionEnd

Function un.onInit
  !insertmacro REFUSE_WITHOUT_PROFILE
  StrCpy $RemoveData ${BST_UNCHECKED}
  Call un.RefuseWhileRunning
FunctionEnd

; The data stays unless the person ticks the box that names what goes; never in silent mode,
; never a data folder chosen with /DATAMAP (a shared drive), never the letters in Documenten.
Function un.DataPage
  !insertmacro MUI_HEADER_TEXT "Uw gegevens" "Het programma gaat weg; uw gegevens blijven staan."
  nsDialogs::Create 1018
  Pop $0
  ${If} ${FileExists} "$INSTDIR\datamap.txt"
    ${NSD_CreateLabel} 0 0 100% 60u "Uw gegevens staan in de map die bij de installatie is gekozen (zie datamap.txt). Het verwijderen van het programma raakt die map niet aan."
    Pop $0
  ${ElseIf} ${FileExists} "${DATA_FOLDER}\*.*"
    ${NSD_CreateLabel} 0 0 100% 44u "Uw gegevens blijven staan in ${DATA_FOLDER}: de database met haar sleutelbestand, de back-ups, de instellingen en de logboeken. Een nieuwe installatie van Steunpunt opent ze weer. De brieven in Documenten\Steunpunt brieven blijven altijd staan."
    Pop $0
    ${NSD_CreateCheckbox} 0 52u 100% 44u "&Ook mijn gegevens definitief verwijderen: de hele map ${DATA_FOLDER}, met de database, het sleutelbestand, alle back-ups, de instellingen en de logboeken (ook die van de demodatabase)."
    Pop $RemoveDataBox
    ${NSD_Uncheck} $RemoveDataBox
  ${Else}
    ${NSD_CreateLabel} 0 0 100% 40u "Er staan geen gegevens van Steunpunt in ${DATA_FOLDER}."
    Pop $0
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
  StrCpy $RemoveData ${BST_UNCHECKED}
  ${If} $RemoveDataBox != ""
    ${NSD_GetState} $RemoveDataBox $RemoveData
  ${EndIf}
  ${If} $RemoveData == ${BST_CHECKED}
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "Weet u het zeker? De database, het sleutelbestand en alle back-ups in ${DATA_FOLDER} worden definitief verwijderd. Dat kan niet ongedaan worden gemaakt, ook niet met de herstelsleutel." IDYES sure
    ${NSD_Uncheck} $RemoveDataBox
    StrCpy $RemoveData ${BST_UNCHECKED}
    Abort
    sure:
  ${EndIf}
FunctionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\Steunpunt.lnk"
  Delete "$DESKTOP\Steunpunt.lnk"
  ; Only the program's own files: a folder "data" beside it (portable.txt) is never removed.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${PROGRAM}"
  Delete "$INSTDIR\${CONSOLE}"
  Delete "$INSTDIR\datamap.txt"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  ${If} $RemoveData == ${BST_CHECKED}
    RMDir /r "${DATA_FOLDER}"
  ${EndIf}
SectionEnd
