; Included by electron-builder's NSIS installer (build/electron-builder.config.ts, nsis.include).
; electron-builder writes the `protocols` option into macOS's Info.plist and Linux's .desktop file
; but not into the Windows registry, so the deep-link scheme is registered here, for the current
; user or for all users as the installation mode chose (SHELL_CONTEXT). The scheme must equal
; DEEP_LINK_SCHEME in src/main/config/product-identity.ts (test/integration/installer-config.test.ts
; checks it).
!define DEEP_LINK_SCHEME "licensemgr"
!define DEEP_LINK_KEY "Software\Classes\${DEEP_LINK_SCHEME}"

!macro customInstall
  WriteRegStr SHELL_CONTEXT "${DEEP_LINK_KEY}" "" "URL:${PRODUCT_NAME}"
  WriteRegStr SHELL_CONTEXT "${DEEP_LINK_KEY}" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "${DEEP_LINK_KEY}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "${DEEP_LINK_KEY}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro customUnInstall
  ; Another product built from this app may own the scheme by now: remove only our own entry.
  ReadRegStr $0 SHELL_CONTEXT "${DEEP_LINK_KEY}\shell\open\command" ""
  StrCmp $0 '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"' 0 +2
    DeleteRegKey SHELL_CONTEXT "${DEEP_LINK_KEY}"
!macroend
