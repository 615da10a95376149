from versioner.cli import main

main()
