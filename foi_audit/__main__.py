from foi_audit.cli.app import main

main()
