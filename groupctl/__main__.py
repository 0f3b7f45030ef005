from groupctl.cli import main

main()
