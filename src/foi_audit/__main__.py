from foi_audit.cli import main

main()
